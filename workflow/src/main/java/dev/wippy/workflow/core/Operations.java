package dev.wippy.workflow.core;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.values.Payload;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a provider does for one run: the single interface between the workflow core and a provider (embedded,
 * Temporal). Workflow Lua reaches it through the runtime's host slots (time, funcs, uuid, process) and the
 * {@code workflow} module, always from the fiber holding the run's baton. Callbacks are invoked by the provider
 * only at quiescent points, with the run's scheduler lock held, in history order: that is how results reach the
 * code deterministically.
 */
public interface Operations {
    RunInfo info();

    /** Workflow time: the timestamp of the current step (spec 05 §4.2). */
    Instant now();

    /** Whether the code is re-executing recorded history (logging is muted then). */
    boolean replaying();

    /** Events in the run's history as of the current step. */
    long historyLength();

    /** Bytes of the run's history as of the current step. */
    long historySize();

    /** A durable timer; {@code fired} runs once when it fires, unless cancelled first. */
    Pending startTimer(long nanos, Runnable fired);

    /** Schedules an activity; {@code done} gets its final outcome, unless cancelled first. */
    Pending scheduleActivity(ActivityRequest request, Consumer<ExitResult> done);

    /** A value made once and recorded ({@code kind} names it: {@code uuid.v4}, {@code crypto.random}, ...). */
    byte[] sideEffect(String kind, Supplier<byte[]> fresh);

    /** The version of {@code changeId} for this run (spec 05 §4.13). */
    long version(String changeId, long minSupported, long maxSupported);

    /**
     * Starts a child workflow: {@code started} gets the child's PID or the start error, then {@code closed} its
     * outcome.
     */
    Pending startChild(ChildRequest request, Consumer<ChildStart> started, Consumer<ExitResult> closed);

    /** Sends a message (a signal to a workflow PID); recorded, never re-sent by replay. */
    void send(String destination, String topic, Payload payload);

    /** Requests cancellation of another workflow or process. */
    void cancelExternal(String destination, String reason);

    void terminateExternal(String destination);

    /** Merges search attributes and memo into the execution's. */
    void upsertAttributes(Map<String, Object> search, Map<String, Object> memo);

    /** Something the code waits for; cancelling it records the cancellation (a timer, an activity, a child). */
    interface Pending {
        void cancel();
    }

    /** The result of a child start: its PID, or the error that prevented it. */
    record ChildStart(String pid, ErrorObject error) {
    }
}
