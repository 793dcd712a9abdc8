package dev.wippy.workflow.embedded;

import dev.wippy.runtime.process.SpawnException;
import dev.wippy.workflow.core.DurableCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * Signals, cancellations and terminations written to the database by the operator CLI ({@code wippy workflow ...}),
 * possibly while no app runs: a running engine picks them up within a fraction of a second, a starting one at
 * once. Each is applied, then its row removed.
 */
final class OperatorRequests {
    private OperatorRequests() {
    }

    /** Whether the database holds {@code workflowId} as running while the engine does not know it yet. */
    private static boolean startingNow(Engine e, String workflowId) {
        return e.open.get(workflowId) == null && "running".equals(e.store.read(
                "SELECT status FROM workflows WHERE workflow_id = ?", List.of(workflowId),
                rs -> rs.next() ? rs.getString(1) : null)) && e.worker(e.store.read(
                "SELECT worker FROM workflows WHERE workflow_id = ?", List.of(workflowId),
                rs -> rs.next() ? rs.getString(1) : null)) != null;
    }

    record Request(long id, String workflowId, String kind, String topic, byte[] payload, String reason) {
    }

    /** Applies every pending request of {@code e}'s database. */
    static void apply(Engine e) {
        List<Request> pending = e.store.read("SELECT id, workflow_id, kind, topic, payload, reason FROM requests"
                + " ORDER BY id", List.of(), rs -> {
                    List<Request> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Request(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getBytes(5), rs.getString(6)));
                    }
                    return out;
                });
        for (Request r : pending) {
            Store.Work done = tx -> tx.exec("DELETE FROM requests WHERE id = ?", r.id());
            try {
                switch (r.kind()) {
                    case "signal" -> e.signal(r.workflowId(), r.topic(), null, DurableCodec.decode(r.payload()), done);
                    case "cancel" -> e.cancel(r.workflowId(), null, r.reason(), done);
                    case "terminate" -> {
                        e.terminate(e.openRun(r.workflowId()), r.reason());
                        e.store.write(done);
                    }
                    default -> {
                        Engine.LOG.warn("unknown operator request '{}' ignored", r.kind());
                        e.store.write(done);
                    }
                }
            } catch (SpawnException x) {
                if (startingNow(e, r.workflowId())) {
                    // committed by a start that has not registered it yet: the next poll applies the request
                    continue;
                }
                Engine.LOG.atWarn().addKeyValue("workflow_id", r.workflowId()).addKeyValue("request", r.kind())
                        .addKeyValue("error", x.getMessage()).log("operator request not applied");
                e.store.write(done);
            }
        }
    }
}
