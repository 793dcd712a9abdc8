package dev.wippy.workflow.embedded;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Processes observing workflows (spec 05 §3.11): monitors get one EXIT when the execution closes; links get that
 * EXIT too and, on an abnormal close, first a LINK_DOWN (trapping) or their own termination; callers of
 * {@code exec} wait for the outcome. All in memory: they end with the observing process and a restart.
 */
final class Watchers {
    private final Map<String, List<Watch>> byWorkflow = new ConcurrentHashMap<>();
    /** Whether a workflow is still open; false from before its observers are told of its close. */
    private final Predicate<String> isOpen;

    Watchers(Predicate<String> isOpen) {
        this.isOpen = isOpen;
    }

    private record Watch(Execution process, boolean link, CompletableFuture<ExitResult> waiter) {
    }

    /** @return false when the workflow is no longer open (it will not close again, so nothing was added) */
    boolean monitor(String workflowId, Execution process) {
        return add(workflowId, new Watch(process, false, null), true);
    }

    /** @return false when the workflow is no longer open */
    boolean link(String workflowId, Execution process) {
        return add(workflowId, new Watch(process, true, null), true);
    }

    /** Watches a run that is being started: it is not open yet and cannot have closed. */
    void watchStarting(String workflowId, Execution process, boolean link) {
        add(workflowId, new Watch(process, link, null), false);
    }

    /** @return false when the workflow is no longer open */
    boolean waitFor(String workflowId, CompletableFuture<ExitResult> waiter) {
        return add(workflowId, new Watch(null, false, waiter), true);
    }

    private boolean add(String workflowId, Watch w, boolean onlyWhileOpen) {
        boolean[] added = {false};
        // checked under the key's lock, which closed() takes too: a watch added after the close was announced
        // would never be told
        byWorkflow.compute(workflowId, (k, list) -> {
            if (onlyWhileOpen && !isOpen.test(k)) {
                return list;
            }
            List<Watch> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
            copy.add(w);
            added[0] = true;
            return copy;
        });
        if (added[0] && w.process != null) {
            w.process.onExit(() -> remove(workflowId, w.process, w.link));
        }
        return added[0];
    }

    void unmonitor(String workflowId, Execution process) {
        remove(workflowId, process, false);
    }

    void unlink(String workflowId, Execution process) {
        remove(workflowId, process, true);
    }

    private void remove(String workflowId, Execution process, boolean link) {
        byWorkflow.computeIfPresent(workflowId, (k, list) -> {
            List<Watch> rest = new ArrayList<>(list);
            rest.removeIf(w -> w.process == process && w.link == link);
            return rest.isEmpty() ? null : rest;
        });
    }

    /** The execution {@code pid} closed with {@code outcome}: every observer learns it once. */
    void closed(String workflowId, String pid, ExitResult outcome) {
        List<Watch> all = byWorkflow.remove(workflowId);
        if (all == null) {
            return;
        }
        for (Watch w : all) {
            if (w.waiter != null) {
                w.waiter.complete(outcome);
                continue;
            }
            if (w.link && outcome.isAbnormal()) {
                if (w.process.trapLinks()) {
                    w.process.deliver(new Event(Event.LINK_DOWN, pid, outcome, null));
                } else {
                    w.process.terminate(ErrorObject.of(ErrorObject.CANCELED, "linked workflow " + pid + " failed: "
                            + outcome.error().message()));
                    continue;
                }
            }
            w.process.deliver(new Event(Event.EXIT, pid, outcome, null));
        }
    }
}
