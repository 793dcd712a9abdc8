package dev.wippy.workflow.embedded;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.workflow.core.ActivityFailures;
import dev.wippy.workflow.core.ActivityOptions;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.history.Command;
import dev.wippy.workflow.history.Encoded;
import dev.wippy.workflow.history.HistoryEvent;
import dev.wippy.workflow.history.Outcomes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Activities of the embedded provider (spec 05 §5, G4): each scheduled activity is a row; attempts run within the
 * worker's concurrency limit, are timed on the provider clock and retried by their policy; exactly one outcome is
 * recorded (the first), later completions of timed-out or cancelled attempts are discarded. An attempt cut short
 * by a crash counts as failed with TIMEOUT and is retried when the runtime runs again.
 */
final class ActivityRunner {
    private static final long MARK_AFTER_MILLIS = 200;

    private final Engine engine;
    private final ActivityInvoker invoker;
    private final Map<String, Semaphore> slots = new HashMap<>();
    private final Map<String, WorkerSettings> byQueue = new HashMap<>();
    private final Map<String, Long> nextStart = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Task> tasks = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    ActivityRunner(Engine engine, ActivityInvoker invoker, Collection<WorkerSettings> workers) {
        this.engine = engine;
        this.invoker = invoker;
        for (WorkerSettings w : workers) {
            slots.put(w.id(), new Semaphore(w.maxActivities()));
            if (w.activities()) {
                byQueue.putIfAbsent(w.taskQueue(), w);
            }
        }
    }

    /** A scheduled activity and the attempt it is at. */
    private final class Task {
        final String workflowId;
        final String runId;
        final long seq;
        final String entryId;
        final byte[] args;
        final byte[] context;
        final ActivityOptions options;
        final String queue;
        final Instant scheduledAt;
        int attempt;
        boolean done;
        ActivityInvoker.Attempt running;
        final List<DueQueue.Cancel> timers = new ArrayList<>();

        Task(String workflowId, String runId, Command.ActivityScheduled a, ActivityOptions options, String queue,
             Instant scheduledAt, int attempt) {
            this.workflowId = workflowId;
            this.runId = runId;
            this.seq = a.seq();
            this.entryId = a.entryId();
            this.args = a.args();
            this.context = a.context();
            this.options = options;
            this.queue = queue;
            this.scheduledAt = scheduledAt;
            this.attempt = attempt;
        }

        String key() {
            return runId + "#" + seq;
        }
    }

    /** Where an activity runs (spec 05 §2.5): its option, else its bound worker's queue, else the workflow's. */
    private String queueOf(Command.ActivityScheduled a, ActivityOptions o, String workflowQueue) {
        if (o.taskQueue() != null) {
            return o.taskQueue();
        }
        WorkerSettings bound = engine.worker(invoker.boundWorker(a.entryId()));
        return bound != null ? bound.taskQueue() : workflowQueue;
    }

    /** Schedules activity {@code a} of {@code run} at {@code t}: a row now, an attempt once committed. */
    void plan(Plan plan, OpenRun run, Command.ActivityScheduled a, Instant t) {
        String runId = run.runId();
        plan.write(tx -> tx.exec("INSERT INTO activities(run_id, seq, workflow_id, record, attempt, due_at,"
                + " scheduled_at) VALUES(?, ?, ?, ?, 1, ?, ?)", runId, a.seq(), run.workflowId,
                dev.wippy.workflow.history.HistoryCodec.encode(a), Engine.nanos(t), Engine.nanos(t)));
        ActivityOptions o = ActivityOptions.of(Encoded.unplain(a.options()));
        String queue = queueOf(a, o, run.started().taskQueue());
        plan.then(() -> admit(new Task(run.workflowId, runId, a, o, queue, t, 1), t));
    }

    /** Takes a task recovered from its row; an attempt that was running when the runtime stopped failed then. */
    void recover(String workflowId, String runId, Command.ActivityScheduled a, String workflowQueue, int attempt,
                 Instant due, Instant scheduledAt, boolean wasRunning) {
        ActivityOptions o = ActivityOptions.of(Encoded.unplain(a.options()));
        Task task = new Task(workflowId, runId, a, o, queueOf(a, o, workflowQueue), scheduledAt, attempt);
        if (!wasRunning) {
            admit(task, due);
            return;
        }
        tasks.put(task.key(), task);
        task.timers.addAll(deadlines(task));
        failed(task, attempt, ErrorObject.of(ErrorObject.TIMEOUT, "activity attempt " + attempt
                + " was cut short by a restart of the runtime", true, null), Duration.ZERO);
    }

    private void admit(Task task, Instant at) {
        tasks.put(task.key(), task);
        task.timers.addAll(deadlines(task));
        dispatchAt(task, at);
    }

    /** The limits from scheduling: to the final outcome, and to the start of the first attempt. */
    private List<DueQueue.Cancel> deadlines(Task task) {
        List<DueQueue.Cancel> out = new ArrayList<>();
        if (task.options.scheduleToClose() != null) {
            out.add(engine.due.at(task.scheduledAt.plus(task.options.scheduleToClose()), () -> timedOut(task,
                    "schedule_to_close_timeout")));
        }
        if (task.options.scheduleToStart() != null) {
            out.add(engine.due.at(task.scheduledAt.plus(task.options.scheduleToStart()), () -> {
                synchronized (task) {
                    if (task.running != null || task.attempt > 1) {
                        return;
                    }
                }
                timedOut(task, "schedule_to_start_timeout");
            }));
        }
        return out;
    }

    private void dispatchAt(Task task, Instant at) {
        engine.due.at(at, () -> attempt(task));
    }

    private void attempt(Task task) {
        WorkerSettings worker = byQueue.get(task.queue);
        if (worker == null || stopping) {
            // no worker serves this queue now: the row waits for one (or for the next start of the runtime)
            return;
        }
        Semaphore slot = slots.get(worker.id());
        slot.acquireUninterruptibly();
        int attempt;
        synchronized (task) {
            if (task.done || stopping) {
                slot.release();
                return;
            }
            attempt = task.attempt;
        }
        pace(worker);
        Instant started = engine.now();
        AtomicBoolean ended = new AtomicBoolean();
        // an attempt is marked as started only when it runs a while: one lost to a crash before that is simply run
        // again as the same attempt, and the many short ones cost no write
        CompletableFuture.delayedExecutor(MARK_AFTER_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            if (!ended.get()) {
                engine.store.submit(tx -> tx.exec("UPDATE activities SET started_at = ?, attempt = ? WHERE run_id = ?"
                        + " AND seq = ?", Engine.nanos(started), attempt, task.runId, task.seq));
            }
        });
        ActivityInvoker.Attempt running;
        try {
            running = invoker.start(task.entryId, DurableCodec.decodeAll(task.args), Encoded.unmap(task.context));
        } catch (IllegalArgumentException e) {
            slot.release();
            failed(task, attempt, ErrorObject.of(ErrorObject.NOT_FOUND, "activity " + task.entryId
                    + " is not a function or process entry", true, null), null);
            return;
        }
        DueQueue.Cancel limit = engine.due.at(started.plus(task.options.startToClose()), () -> {
            synchronized (task) {
                if (task.done || task.attempt != attempt) {
                    return;
                }
            }
            // the attempt is over first, so the cancelled invocation's own outcome is discarded as late
            failed(task, attempt, ErrorObject.of(ErrorObject.TIMEOUT, "activity " + task.entryId + " attempt "
                    + attempt + " exceeded start_to_close_timeout", true, null), null);
            running.cancel().run();
        });
        synchronized (task) {
            task.running = running;
        }
        running.outcome().whenComplete((r, x) -> {
            ended.set(true);
            slot.release();
            limit.cancel();
            ExitResult outcome = r != null ? r : new ExitResult(null, ErrorObject.of(ErrorObject.INTERNAL,
                    String.valueOf(x), false, null));
            ErrorObject error = ActivityFailures.classify(outcome);
            if (error == null) {
                complete(task, attempt, outcome);
            } else {
                failed(task, attempt, error, null);
            }
        });
    }

    /** Spacing of attempt starts for {@code worker_activities_per_second}. */
    private void pace(WorkerSettings worker) {
        if (worker.activitiesPerSecond() <= 0) {
            return;
        }
        long interval = (long) (1_000_000_000L / worker.activitiesPerSecond());
        long now = System.nanoTime();
        long at = nextStart.merge(worker.id(), now, (prev, n) -> Math.max(prev + interval, n));
        if (at > now) {
            try {
                TimeUnit.NANOSECONDS.sleep(at - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Attempt {@code attempt} failed: retried by the policy (after {@code delay}, else its own), or final. */
    private void failed(Task task, int attempt, ErrorObject error, Duration delay) {
        Instant retryAt;
        synchronized (task) {
            if (task.done || task.attempt != attempt) {
                return;
            }
            boolean again = task.options.retryPolicy().retries(error, attempt) && !stopping;
            Instant at = engine.now().plus(delay != null ? delay : task.options.retryPolicy().delayAfter(attempt));
            if (again && task.options.scheduleToClose() != null
                    && at.isAfter(task.scheduledAt.plus(task.options.scheduleToClose()))) {
                again = false;
            }
            if (!again) {
                retryAt = null;
            } else {
                task.attempt = attempt + 1;
                task.running = null;
                retryAt = at;
            }
        }
        if (retryAt == null) {
            boolean timeout = error.kind().equals(ErrorObject.TIMEOUT);
            complete(task, attempt, new ExitResult(null, timeout ? ErrorObject.of(ErrorObject.TIMEOUT, error.message(),
                    false, error.details()) : error));
            return;
        }
        engine.store.submit(tx -> tx.exec("UPDATE activities SET attempt = ?, due_at = ?, started_at = NULL"
                + " WHERE run_id = ? AND seq = ?", attempt + 1, Engine.nanos(retryAt), task.runId, task.seq));
        dispatchAt(task, retryAt);
    }

    private void timedOut(Task task, String which) {
        ActivityInvoker.Attempt running;
        int attempt;
        synchronized (task) {
            if (task.done) {
                return;
            }
            running = task.running;
            attempt = task.attempt;
        }
        complete(task, attempt, new ExitResult(null, ErrorObject.of(ErrorObject.TIMEOUT, "activity " + task.entryId
                + " exceeded " + which, false, null)));
        if (running != null) {
            running.cancel().run();
        }
    }

    /**
     * Hands the one outcome of the activity to its run; the step that consumes it records it and removes the
     * activity's row in one commit.
     */
    private void complete(Task task, int attempt, ExitResult outcome) {
        synchronized (task) {
            if (task.done || task.attempt != attempt) {
                return;
            }
            task.done = true;
        }
        tasks.remove(task.key(), task);
        task.timers.forEach(DueQueue.Cancel::cancel);
        OpenRun run = engine.open.get(task.workflowId);
        if (run == null) {
            return;
        }
        byte[] encoded;
        try {
            encoded = Outcomes.encode(outcome);
        } catch (Frozen.NotTransferable e) {
            encoded = Outcomes.encode(new ExitResult(null, ErrorObject.of(ErrorObject.INVALID, "activity result: "
                    + e.getMessage(), false, null)));
        }
        engine.arrived(run, task.runId, new HistoryEvent.ActivityCompleted(task.seq, encoded));
    }

    void planCancel(Plan plan, String runId, long seq) {
        plan.write(tx -> tx.exec("DELETE FROM activities WHERE run_id = ? AND seq = ?", runId, seq));
        plan.then(() -> cancel(tasks.get(runId + "#" + seq)));
    }

    /** Abandons the activities of a run that ended: running attempts are cancelled, results ignored. */
    void cancelRun(String runId) {
        for (Task t : tasks.values()) {
            if (t.runId.equals(runId)) {
                cancel(t);
            }
        }
    }

    private void cancel(Task task) {
        if (task == null) {
            return;
        }
        ActivityInvoker.Attempt running;
        synchronized (task) {
            if (task.done) {
                return;
            }
            task.done = true;
            running = task.running;
        }
        tasks.remove(task.key(), task);
        task.timers.forEach(DueQueue.Cancel::cancel);
        if (running != null) {
            running.cancel().run();
        }
    }

    /**
     * Stops taking attempts; running ones get {@code timeout} to finish (their outcomes are recorded), then are
     * cancelled without an outcome: their rows stay and they are retried on the next start.
     */
    List<String> stop(Duration timeout) {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && tasks.values().stream().anyMatch(t -> t.running != null && !t.done)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<String> cut = new ArrayList<>();
        for (Task t : tasks.values()) {
            ActivityInvoker.Attempt running;
            synchronized (t) {
                running = t.done ? null : t.running;
                t.done = true;
            }
            if (running != null) {
                cut.add("activity " + t.entryId + " of workflow " + t.workflowId);
                running.cancel().run();
            }
        }
        tasks.clear();
        return cut;
    }
}
