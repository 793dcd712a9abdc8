package dev.wippy.observability.console;

import java.util.Locale;

/** The console's pages; {@link #PROCESS} and {@link #WORKFLOW} are about one ID, the others list. */
enum Page {
    PROCESSES("Processes"), PROCESS("Process"), SERVICES("Services"), QUEUES("Queues"), WORKFLOWS("Workflows"),
    WORKFLOW("Workflow"), FUNCTIONS("Functions"), REGISTRY("Registry");

    final String title;

    Page(String title) {
        this.title = title;
    }

    /** The name used in URLs and by the page script. */
    String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean aboutOne() {
        return this == PROCESS || this == WORKFLOW;
    }

    /** The page a path names: {@code /processes}, {@code /processes/PID}, ...; null for none. */
    static Page ofPath(String first, boolean withId) {
        return switch (first) {
            case "processes" -> withId ? PROCESS : PROCESSES;
            case "workflows" -> withId ? WORKFLOW : WORKFLOWS;
            case "services" -> withId ? null : SERVICES;
            case "queues" -> withId ? null : QUEUES;
            case "functions" -> withId ? null : FUNCTIONS;
            case "registry" -> withId ? null : REGISTRY;
            default -> null;
        };
    }
}
