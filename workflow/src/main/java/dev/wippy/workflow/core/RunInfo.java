package dev.wippy.workflow.core;

/**
 * What a run knows of itself (spec 05 §4.7 {@code workflow.info()}): IDs, type, where it runs, which attempt.
 * {@code pid} is the workflow's PID, the same for every run of the execution.
 */
public record RunInfo(String workflowId, String runId, String workflowType, String entryId, String taskQueue,
                      String namespace, long attempt, String pid) {
}
