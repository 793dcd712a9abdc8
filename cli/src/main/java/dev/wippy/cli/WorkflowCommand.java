package dev.wippy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.workflow.embedded.Store;
import dev.wippy.workflow.embedded.WorkflowAdmin;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code wippy workflow ...}: what operators see of the app's workflow databases and what they may ask, whether or
 * not the app runs. Signals, cancellations and terminations are written durably at once; a running app applies them
 * within a fraction of a second, a stopped one when it starts.
 */
@CommandLine.Command(name = "workflow", description = "Lists, shows, signals, cancels and terminates workflows.",
        subcommands = {WorkflowCommand.ListWorkflows.class, WorkflowCommand.Show.class, WorkflowCommand.Signal.class,
            WorkflowCommand.Cancel.class, WorkflowCommand.Terminate.class})
final class WorkflowCommand implements Runnable {
    /** Made on first use: picocli creates every command at start-up, and a mapper costs time to set up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand has. */
    static class Common {
        @CommandLine.Option(names = "--dir", defaultValue = ".", description = "Project directory.")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** Runs {@code action} on each of the app's databases; status 1 with a message for a bad database. */
        int withDatabases(Action action) {
            try {
                List<Path> dbs = WorkflowAdmin.databases(dir);
                List<WorkflowAdmin> admins = new ArrayList<>();
                try {
                    for (Path db : dbs) {
                        if (db.toFile().isFile()) {
                            admins.add(WorkflowAdmin.open(db));
                        }
                    }
                    return action.run(admins);
                } finally {
                    admins.forEach(WorkflowAdmin::close);
                }
            } catch (BootException | Store.StoreException e) {
                spec.commandLine().getErr().println("wippy: " + e.getMessage());
                return 1;
            } catch (JsonProcessingException e) {
                spec.commandLine().getErr().println("wippy: " + e.getOriginalMessage());
                return 1;
            }
        }

        /** The database that has workflow {@code id}, or null (after saying so). */
        WorkflowAdmin find(List<WorkflowAdmin> admins, String id) {
            for (WorkflowAdmin a : admins) {
                if (a.get(id) != null) {
                    return a;
                }
            }
            spec.commandLine().getErr().println("wippy: workflow not found: " + id);
            return null;
        }
    }

    @FunctionalInterface
    interface Action {
        int run(List<WorkflowAdmin> admins) throws JsonProcessingException;
    }

    private static Map<String, Object> item(WorkflowAdmin.Execution e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("run_id", e.runId());
        m.put("type", e.type());
        m.put("status", e.status());
        m.put("result", e.result());
        m.put("error", e.error());
        m.put("worker", e.worker());
        m.put("task_queue", e.taskQueue());
        m.put("attempt", e.attempt());
        m.put("history_length", e.historyLength());
        m.put("created_at", e.createdAt().toString());
        m.put("closed_at", e.closedAt() == null ? null : e.closedAt().toString());
        return m;
    }

    @CommandLine.Command(name = "list", description = "Lists workflows, newest first.")
    static final class ListWorkflows extends Common implements Callable<Integer> {
        @CommandLine.Option(names = "--status", description = "running, completed, failed, canceled, terminated or "
                + "timed_out.")
        String status;

        @CommandLine.Option(names = "--json", description = "One JSON array.")
        boolean json;

        @Override
        public Integer call() {
            return withDatabases(admins -> {
                List<WorkflowAdmin.Execution> all = new ArrayList<>();
                admins.forEach(a -> all.addAll(a.list(status)));
                if (json) {
                    spec.commandLine().getOut().println(Json.MAPPER.writeValueAsString(all.stream()
                            .map(WorkflowCommand::item).toList()));
                } else {
                    spec.commandLine().getOut().printf("%-40s %-11s %-24s %s%n", "ID", "STATUS", "TYPE", "RESULT");
                    for (WorkflowAdmin.Execution e : all) {
                        spec.commandLine().getOut().printf("%-40s %-11s %-24s %s%n", e.id(), e.status(), e.type(),
                                e.error() != null ? e.error().get("kind") + ": " + e.error().get("message")
                                        : e.result() == null ? "" : Json.MAPPER.writeValueAsString(e.result()));
                    }
                }
                return 0;
            });
        }
    }

    @CommandLine.Command(name = "show", description = "Shows a workflow: status, result or error, its history.")
    static final class Show extends Common implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "ID")
        String id;

        @CommandLine.Option(names = "--json", description = "One JSON object.")
        boolean json;

        @Override
        public Integer call() {
            return withDatabases(admins -> {
                WorkflowAdmin a = find(admins, id);
                if (a == null) {
                    return 1;
                }
                Map<String, Object> m = item(a.get(id));
                m.put("history", a.history(id));
                if (json) {
                    spec.commandLine().getOut().println(Json.MAPPER.writeValueAsString(m));
                    return 0;
                }
                var out = spec.commandLine().getOut();
                for (Map.Entry<String, Object> f : m.entrySet()) {
                    if (!f.getKey().equals("history")) {
                        out.printf("%-15s %s%n", f.getKey() + ":", f.getValue() == null ? ""
                                : Json.MAPPER.writeValueAsString(f.getValue()));
                    }
                }
                out.println("history:");
                int i = 0;
                for (Map<String, Object> event : a.history(id)) {
                    Map<String, Object> rest = new LinkedHashMap<>(event);
                    Object name = rest.remove("event");
                    out.printf("  %3d %-18s %s%n", ++i, name, Json.MAPPER.writeValueAsString(rest));
                }
                return 0;
            });
        }
    }

    @CommandLine.Command(name = "signal", description = "Sends a signal (TOPIC with an optional JSON payload).")
    static final class Signal extends Common implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "ID")
        String id;

        @CommandLine.Parameters(index = "1", paramLabel = "TOPIC")
        String topic;

        @CommandLine.Parameters(index = "2", paramLabel = "JSON", arity = "0..1")
        String payload;

        @Override
        public Integer call() {
            Object data;
            try {
                data = payload == null ? null : Frozen.fromJava(Json.MAPPER.readValue(payload, Object.class));
            } catch (JsonProcessingException e) {
                spec.commandLine().getErr().println("wippy: the payload is not JSON: " + e.getOriginalMessage());
                return 2;
            }
            return request(this, id, a -> a.signal(id, topic, data), "signal " + topic);
        }
    }

    @CommandLine.Command(name = "cancel", description = "Requests cancellation (the workflow gets a CANCEL event).")
    static final class Cancel extends Common implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return request(this, id, a -> a.cancel(id, "canceled by operator"), "cancellation");
        }
    }

    @CommandLine.Command(name = "terminate", description = "Terminates a workflow at once; no code of it runs again.")
    static final class Terminate extends Common implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "ID")
        String id;

        @CommandLine.Parameters(index = "1", paramLabel = "REASON", arity = "0..1")
        String reason;

        @Override
        public Integer call() {
            return request(this, id, a -> a.terminate(id, reason == null ? "terminated by operator" : reason),
                    "termination");
        }
    }

    private static int request(Common c, String id, java.util.function.Consumer<WorkflowAdmin> write, String what) {
        return c.withDatabases(admins -> {
            WorkflowAdmin a = c.find(admins, id);
            if (a == null) {
                return 1;
            }
            try {
                write.accept(a);
            } catch (Store.StoreException e) {
                c.spec.commandLine().getErr().println("wippy: " + (e.getCause() != null ? e.getCause().getMessage()
                        : e.getMessage()));
                return 1;
            }
            c.spec.commandLine().getOut().println(what + " recorded for workflow " + id
                    + " (a running app applies it at once, a stopped one when it starts)");
            return 0;
        });
    }
}
