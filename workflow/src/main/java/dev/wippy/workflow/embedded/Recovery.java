package dev.wippy.workflow.embedded;

import dev.wippy.workflow.core.StartOptions;
import dev.wippy.workflow.history.Command;
import dev.wippy.workflow.history.Encoded;
import dev.wippy.workflow.history.HistoryCodec;
import dev.wippy.workflow.history.HistoryEvent;
import dev.wippy.workflow.history.StoredStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds an engine's memory from its database when the runtime starts (after a clean stop or a crash): the open
 * executions, their pending inputs, due timers, activities (an attempt that was running counts as failed) and
 * undelivered outbox messages. Runs then replay their history when they next step (spec 05 §6 G3).
 */
final class Recovery {
    private Recovery() {
    }

    static void recover(Engine e) {
        long maxId = e.store.read("SELECT MAX(id) FROM (SELECT id FROM inbox UNION ALL SELECT id FROM outbox)",
                List.of(), rs -> rs.next() ? rs.getLong(1) : 0);
        e.inboxIds.set(maxId + 1);
        record Row(String id, String runId, String worker, String queue, String parentPid, String parentRun,
                   long parentSeq, long length, boolean cancel) {
        }
        List<Row> rows = e.store.read("SELECT workflow_id, run_id, worker, task_queue, parent_pid, parent_run,"
                + " parent_seq, history_length, cancel_requested FROM workflows WHERE status = 'running'", List.of(),
                rs -> {
                    List<Row> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getInt(9) != 0));
                    }
                    return out;
                });
        for (Row row : rows) {
            WorkerSettings w = e.worker(row.worker());
            if (w == null) {
                w = e.workerForQueue(row.queue());
            }
            if (w == null) {
                Engine.LOG.atWarn().addKeyValue("workflow_id", row.id()).addKeyValue("worker", row.worker())
                        .log("open workflow has no worker in this app; it waits until one serves its task queue");
                continue;
            }
            OpenRun run = new OpenRun(row.id(), Engine.pid(w.id(), row.id()), w);
            run.start = StoredStep.decode(e.store.read(
                    "SELECT records FROM history WHERE run_id = ? AND idx = 0", List.of(row.runId()),
                    rs -> rs.next() ? rs.getBytes(1) : null));
            run.options = StartOptions.of(Encoded.unplain(run.started().options()), null, x -> { });
            run.parentPid = row.parentPid();
            run.parentRun = row.parentRun();
            run.parentSeq = row.parentSeq();
            run.historyLength = row.length();
            run.cancelRequested = row.cancel();
            e.open.put(row.id(), run);
            if (row.parentPid() != null) {
                String parentId = Engine.workflowIdOf(row.parentPid(), e.workerIds());
                if (parentId != null) {
                    e.children.computeIfAbsent(parentId, k -> ConcurrentHashMap.newKeySet()).add(row.id());
                }
            }
        }
        Set<String> delayed = new HashSet<>();
        e.store.read("SELECT run_id, seq, kind, workflow_id, due_at FROM timers", List.of(), rs -> {
            while (rs.next()) {
                OpenRun run = e.open.get(rs.getString(4));
                if (run != null) {
                    String kind = rs.getString(3);
                    if (kind.equals("start")) {
                        delayed.add(run.workflowId);
                    }
                    e.schedule(run, rs.getString(1), rs.getLong(2), kind, Instant.EPOCH.plusNanos(rs.getLong(5)));
                }
            }
            return null;
        });
        for (OpenRun run : e.openRuns()) {
            run.startDue = !delayed.contains(run.workflowId);
        }
        e.store.read("SELECT id, workflow_id, run_id, record FROM inbox ORDER BY id", List.of(), rs -> {
            while (rs.next()) {
                OpenRun run = e.open.get(rs.getString(2));
                if (run != null) {
                    run.inbox.add(new OpenRun.Input(rs.getLong(1), rs.getString(3),
                            (HistoryEvent.Input) HistoryCodec.decode(rs.getBytes(4))));
                }
            }
            return null;
        });
        e.store.read("SELECT run_id, seq, workflow_id, record, attempt, due_at, scheduled_at, started_at"
                + " FROM activities", List.of(), rs -> {
            while (rs.next()) {
                OpenRun run = e.open.get(rs.getString(3));
                if (run != null && run.runId().equals(rs.getString(1))) {
                    rs.getLong(8);
                    boolean wasRunning = !rs.wasNull();
                    e.activities.recover(run.workflowId, run.runId(), (Command.ActivityScheduled) HistoryCodec.decode(
                            rs.getBytes(4)), run.started().taskQueue(), rs.getInt(5),
                            Instant.EPOCH.plusNanos(rs.getLong(6)), Instant.EPOCH.plusNanos(rs.getLong(7)), wasRunning);
                }
            }
            return null;
        });
        record Outgoing(long id, String destination, String topic, String sender, byte[] payload) {
        }
        List<Outgoing> outbox = e.store.read("SELECT id, destination, topic, sender, payload FROM outbox ORDER BY id",
                List.of(), rs -> {
                    List<Outgoing> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Outgoing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getBytes(5)));
                    }
                    return out;
                });
        outbox.forEach(o -> e.deliverOutbox(o.id(), o.destination(), o.topic(), o.sender(), o.payload()));
        e.openRuns().forEach(e::poke);
    }
}
