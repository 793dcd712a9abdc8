package dev.wippy.workflow.embedded;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.RegistryLoader;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.history.HistoryCodec;
import dev.wippy.workflow.history.HistoryEvent;
import dev.wippy.workflow.history.Outcomes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What operators see of a workflow database and what they may ask of it, with or without an app running on it
 * ({@code wippy workflow ...}): executions by status, one execution with its history, and durable requests to
 * signal, cancel or terminate that the app applies (at once when it runs, else when it starts).
 */
public final class WorkflowAdmin implements AutoCloseable {
    private final Store store;

    private WorkflowAdmin(Store store) {
        this.store = store;
    }

    /**
     * The workflow databases of the app in {@code root}: those its {@code workflow.worker} entries name (the
     * default {@code .wippy/workflows.db} when none does), in entry order.
     */
    public static List<Path> databases(Path root) {
        Registry registry = RegistryLoader.load(root, w -> { }).registry();
        List<Path> out = new ArrayList<>();
        for (Entry e : registry.ofKind(WorkerSettings.KIND)) {
            Path db = WorkerSettings.of(e, root, w -> { }).database();
            if (!out.contains(db)) {
                out.add(db);
            }
        }
        if (out.isEmpty()) {
            out.add(root.resolve(WorkerSettings.DEFAULT_DATABASE));
        }
        return out;
    }

    /** @throws Store.StoreException when {@code database} is missing or not a workflow database */
    public static WorkflowAdmin open(Path database) {
        return new WorkflowAdmin(Store.openExisting(database));
    }

    /** One execution: IDs, type, status, outcome (plain data) and timestamps. */
    public record Execution(String id, String runId, String type, String worker, String taskQueue, String status,
                            Object result, Map<String, Object> error, long attempt, long historyLength,
                            Instant createdAt, Instant closedAt) {
    }

    /** Executions, newest first; {@code status} may be null for all. */
    public List<Execution> list(String status) {
        String where = status == null ? "" : " WHERE status = ?";
        return store.read("SELECT workflow_id, run_id, type, worker, task_queue, status, outcome, attempt,"
                + " history_length, created_at, closed_at FROM workflows" + where + " ORDER BY created_at DESC",
                status == null ? List.of() : List.of(status), rs -> {
                    List<Execution> out = new ArrayList<>();
                    while (rs.next()) {
                        byte[] outcome = rs.getBytes(7);
                        ExitResult r = outcome == null ? null : Outcomes.decode(outcome);
                        long closed = rs.getLong(11);
                        boolean open = rs.wasNull();
                        out.add(new Execution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), r == null ? null : Frozen.toJava(r.value()),
                                r == null || r.error() == null ? null : error(r.error()), rs.getLong(8),
                                rs.getLong(9), Instant.EPOCH.plusNanos(rs.getLong(10)),
                                open ? null : Instant.EPOCH.plusNanos(closed)));
                    }
                    return out;
                });
    }

    /** How many executions have each status. */
    public Map<String, Long> countByStatus() {
        return store.read("SELECT status, count(*) FROM workflows GROUP BY status", List.of(), rs -> {
            Map<String, Long> out = new LinkedHashMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        });
    }

    /** One execution, or null. */
    public Execution get(String id) {
        return list(null).stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    /** The history of the execution's current run, each event as its type and fields (plain data). */
    public List<Map<String, Object>> history(String id) {
        Execution e = get(id);
        if (e == null) {
            return List.of();
        }
        return store.read("SELECT records FROM history WHERE run_id = ? ORDER BY idx", List.of(e.runId()), rs -> {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                HistoryCodec.decodeList(rs.getBytes(1)).forEach(h -> out.add(describe(h)));
            }
            return out;
        });
    }

    /** Records a signal; {@code payload} is a frozen value. */
    public void signal(String id, String topic, Object payload) {
        request(id, "signal", topic, DurableCodec.encode(payload), null);
    }

    public void cancel(String id, String reason) {
        request(id, "cancel", null, null, reason);
    }

    public void terminate(String id, String reason) {
        request(id, "terminate", null, null, reason);
    }

    /** @throws NotRunning when no running execution has {@code id}: the request would have nothing to act on */
    private void request(String id, String kind, String topic, byte[] payload, String reason) {
        store.write(tx -> {
            if (tx.exec("INSERT INTO requests(workflow_id, kind, topic, payload, reason, created_at)"
                    + " SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM workflows WHERE workflow_id = ?"
                    + " AND status = 'running')", id, kind, topic, payload, reason, Engine.nanos(Instant.now()), id)
                    == 0) {
                throw new NotRunning("workflow " + id + " is not running");
            }
        });
    }

    /** A request for a workflow that does not exist or has closed. */
    public static final class NotRunning extends java.sql.SQLException {
        NotRunning(String message) {
            super(message);
        }
    }

    static Map<String, Object> error(ErrorObject e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind());
        m.put("message", e.message());
        m.put("retryable", e.retryable());
        if (e.details() != null) {
            m.put("details", Frozen.toJava(Frozen.fromJava(e.details())));
        }
        return m;
    }

    /** A history event for people: its type and its fields, Lua values decoded. */
    static Map<String, Object> describe(HistoryEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.getClass().getSimpleName());
        for (var c : e.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(e);
                m.put(c.getName(), v instanceof byte[] b ? decoded(c.getName(), b) : v);
            } catch (ReflectiveOperationException x) {
                m.put(c.getName(), "?");
            }
        }
        return m;
    }

    private static Object decoded(String field, byte[] b) {
        if (field.equals("outcome")) {
            ExitResult r = Outcomes.decode(b);
            return r.error() != null ? Map.of("error", error(r.error())) : Frozen.toJava(r.value());
        }
        if (field.equals("args")) {
            List<Object> args = new ArrayList<>();
            for (Object o : DurableCodec.decodeAll(b)) {
                args.add(Frozen.toJava(o));
            }
            return args;
        }
        Object v = DurableCodec.decode(b);
        return v instanceof ErrorObject err ? error(err) : Frozen.toJava(v);
    }

    @Override
    public void close() {
        store.close();
    }
}
