package dev.wippy.observability.watch;

import dev.wippy.workflow.embedded.WorkflowAdmin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's workflow databases read as an operator does ({@code wippy workflow ...}): each opened once, on first
 * use, beside the running engines; actions are the same durable requests that the app applies within a poll.
 */
public final class WorkflowDatabases implements AutoCloseable {
    private final List<Path> files;
    private final Map<Path, WorkflowAdmin> open = new LinkedHashMap<>();

    public WorkflowDatabases(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /** Executions of every database, newest first within each; {@code status} null for all. */
    public List<WorkflowAdmin.Execution> list(String status) {
        List<WorkflowAdmin.Execution> out = new ArrayList<>();
        for (WorkflowAdmin a : admins()) {
            out.addAll(a.list(status));
        }
        return out;
    }

    /** How many executions have each status, over every database. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (WorkflowAdmin a : admins()) {
            a.countByStatus().forEach((s, n) -> out.merge(s, n, Long::sum));
        }
        return out;
    }

    /** The database holding execution {@code id}, or null when none does. */
    public WorkflowAdmin holding(String id) {
        for (WorkflowAdmin a : admins()) {
            if (a.get(id) != null) {
                return a;
            }
        }
        return null;
    }

    private synchronized List<WorkflowAdmin> admins() {
        for (Path f : files) {
            if (!open.containsKey(f)) {
                open.put(f, WorkflowAdmin.open(f));
            }
        }
        return List.copyOf(open.values());
    }

    @Override
    public synchronized void close() {
        open.values().forEach(WorkflowAdmin::close);
        open.clear();
    }
}
