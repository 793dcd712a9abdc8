package dev.wippy.workflow.embedded;

import dev.wippy.workflow.core.StartOptions;
import dev.wippy.workflow.history.HistoryEvent;
import dev.wippy.workflow.history.HistoryRun;
import dev.wippy.workflow.history.StoredStep;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An open workflow execution as the engine holds it in memory: its current run, the history committed so far
 * (loaded when a replay needs it), the live Lua run when cached, inputs committed but not yet consumed, and the
 * due items it owns. Everything is guarded by {@link #lock}; one step at a time.
 */
final class OpenRun {
    final String workflowId;
    final String pid;
    final WorkerSettings worker;
    final ReentrantLock lock = new ReentrantLock();

    /** The current run's first stored step: its start record. */
    StoredStep start;
    StartOptions options;
    String parentPid;
    String parentRun;
    long parentSeq;
    /** How many records the current run's history has (committed). */
    long historyLength;
    HistoryRun live;
    final ArrayDeque<Input> inbox = new ArrayDeque<>();
    /** Whether the first step may run (false while a start delay, retry or cron wait is pending). */
    boolean startDue;
    volatile boolean cancelRequested;
    volatile boolean closed;
    /** Why the run does not step: its code is no longer deterministic (retried when the code changes). */
    String blocked;
    Instant lastStepTime = Instant.EPOCH;
    /** Due items by {@code <run>/<kind>:<seq>} (the execution timeout under the workflow ID), cancelled at the end. */
    final Map<String, DueQueue.Cancel> due = new ConcurrentHashMap<>();

    /** Scheduling flags, guarded by the engine's monitor on this object rather than {@link #lock}. */
    boolean queued;

    OpenRun(String workflowId, String pid, WorkerSettings worker) {
        this.workflowId = workflowId;
        this.pid = pid;
        this.worker = worker;
    }

    HistoryEvent.RunStarted started() {
        return (HistoryEvent.RunStarted) start.records().getFirst();
    }

    String runId() {
        return started().runId();
    }

    /**
     * An input for run {@code runId} (null: the current run): committed to the inbox table under {@code rowId}, or,
     * for an activity's outcome or a fired timer, held only here ({@link #IN_MEMORY}) until the step that consumes
     * it commits: its activity or timer row stays until then, so a crash repeats the activity or the timer.
     */
    record Input(long rowId, String runId, HistoryEvent.Input input) {
        static final long IN_MEMORY = -1;
    }

    /** Takes the inputs for the current run, dropping those addressed to an earlier run. */
    List<Input> takeInputs() {
        List<Input> out = new ArrayList<>(inbox.size());
        Input in;
        while ((in = inbox.poll()) != null) {
            out.add(in);
        }
        return out;
    }

    void dropLive() {
        if (live != null) {
            live.dispose();
            live = null;
        }
    }

    void cancelDue() {
        due.values().forEach(DueQueue.Cancel::cancel);
        due.clear();
    }

    /** Cancels the due items of run {@code runKey} (a run replaced by a retry or the next cron run). */
    void cancelDueOf(String runKey) {
        due.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(runKey + "/")) {
                e.getValue().cancel();
                return true;
            }
            return false;
        });
    }

    static String dueKey(String runKey, String kind, long seq) {
        return runKey + "/" + kind + ":" + seq;
    }
}
