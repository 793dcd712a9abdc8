package dev.wippy.workflow.core;

/** Answers what kind of entry an ID names, for the checks workflow code makes before recording a command. */
@FunctionalInterface
public interface WorkflowKinds {
    String WORKFLOW_LUA = "workflow.lua";

    /** The kind of entry {@code id}, or null when there is none. */
    String kindOf(String id);
}
