package dev.wippy.temporal.client;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Processes watching Temporal workflows (spec 05 §3.11): each monitor or link waits on the workflow's result and
 * delivers one EXIT (for an abnormal close of a link, LINK_DOWN first or the linker's termination). Held in memory,
 * as monitors of processes are.
 */
final class Watchers {
    private record Key(Execution process, String pid, boolean link) {
    }

    private final Map<Key, Boolean> active = new ConcurrentHashMap<>();

    void watch(Execution process, String pid, boolean link, CompletableFuture<ExitResult> outcome) {
        Key key = new Key(process, pid, link);
        active.put(key, Boolean.TRUE);
        outcome.thenAccept(r -> {
            if (active.remove(key) != null) {
                closed(process, pid, link, r);
            }
        });
    }

    void unwatch(Execution process, String pid, boolean link) {
        active.remove(new Key(process, pid, link));
    }

    private static void closed(Execution process, String pid, boolean link, ExitResult outcome) {
        if (link && outcome.isAbnormal()) {
            if (process.trapLinks()) {
                process.deliver(new Event(Event.LINK_DOWN, pid, outcome, null));
            } else {
                process.terminate(ErrorObject.of(ErrorObject.CANCELED, "linked workflow " + pid + " failed: "
                        + outcome.error().message()));
                return;
            }
        }
        process.deliver(new Event(Event.EXIT, pid, outcome, null));
    }
}
