package dev.wippy.workflow.embedded;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.ext.AppCode;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Message;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.uuid.TimeUuids;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.Payload;
import dev.wippy.workflow.core.CronSchedule;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.core.RetryPolicy;
import dev.wippy.workflow.core.StartOptions;
import dev.wippy.workflow.core.WorkflowKinds;
import dev.wippy.workflow.core.WorkflowRun;
import dev.wippy.workflow.history.Command;
import dev.wippy.workflow.history.Encoded;
import dev.wippy.workflow.history.HistoryCodec;
import dev.wippy.workflow.history.HistoryEvent;
import dev.wippy.workflow.history.HistoryRun;
import dev.wippy.workflow.history.NondeterminismException;
import dev.wippy.workflow.history.Outcomes;
import dev.wippy.workflow.history.StoredStep;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded provider's engine for one database: the open executions, their steps (one at a time per run, many
 * runs at once within each worker's limit), starts with the conflict and reuse rules, signals, cancellation,
 * termination, timeouts, retries and cron, child workflows and parent close policies. Every change is a
 * {@link Plan} committed before anything of it is visible; in-memory state is rebuilt from the database after a
 * crash ({@link Recovery}).
 */
public final class Engine {
    static final Logger LOG = LoggerFactory.getLogger("wippy.workflow");
    static final String NAMESPACE = "default";

    final Store store;
    final WorkflowClock clock;
    final Node node;
    final DueQueue due;
    final Watchers watchers = new Watchers(id -> this.open.containsKey(id));
    final ActivityRunner activities;
    private final AppCode code;
    private final Sandbox sandbox;
    private final Map<String, WorkerSettings> workers;
    private final boolean replayAlways;
    final ConcurrentHashMap<String, OpenRun> open = new ConcurrentHashMap<>();
    final AtomicLong inboxIds = new AtomicLong(1);
    private final Map<String, Semaphore> stepSlots = new HashMap<>();
    private final ReentrantLock[] idLocks = new ReentrantLock[256];
    /** How long steps take, from taking their inputs to their commit (nanoseconds). */
    final Recorder stepTimes = new Recorder(3);
    /** Told of each step's duration too, when set (metrics). */
    volatile java.util.function.LongConsumer stepObserver;
    /** The open children of each parent, by parent workflow ID. */
    final ConcurrentHashMap<String, Set<String>> children = new ConcurrentHashMap<>();

    Engine(Store store, WorkflowClock clock, Node node, AppCode code, Sandbox sandbox,
           Map<String, WorkerSettings> workers, boolean replayAlways, ActivityInvoker invoker) {
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.code = code;
        this.sandbox = sandbox;
        this.workers = workers;
        this.replayAlways = replayAlways;
        this.due = new DueQueue(clock, "workflow-due " + store.file().getFileName());
        this.activities = new ActivityRunner(this, invoker, workers.values());
        for (WorkerSettings w : workers.values()) {
            stepSlots.put(w.id(), new Semaphore(w.maxWorkflowTasks()));
        }
        for (int i = 0; i < idLocks.length; i++) {
            idLocks[i] = new ReentrantLock();
        }
    }

    // ---------------------------------------------------------------- addressing

    static String pid(String workerId, String workflowId) {
        return "{" + workerId + "@" + workerId + "|" + workflowId + "}";
    }

    /** The workflow ID of a workflow PID of one of {@code workers}, or null. */
    static String workflowIdOf(String pid, Set<String> workers) {
        String p = pid.startsWith("{") && pid.endsWith("}") ? pid.substring(1, pid.length() - 1) : pid;
        int at = p.indexOf('@');
        int bar = p.indexOf('|');
        if (at <= 0 || bar <= at + 1 || bar == p.length() - 1) {
            return null;
        }
        return workers.contains(p.substring(at + 1, bar)) ? p.substring(bar + 1) : null;
    }

    boolean serves(String workerId) {
        return workers.containsKey(workerId);
    }

    Set<String> workerIds() {
        return workers.keySet();
    }

    WorkerSettings worker(String id) {
        return id == null ? null : workers.get(id);
    }

    /** A worker of this engine serving {@code taskQueue} that runs workflows, or null. */
    WorkerSettings workerForQueue(String taskQueue) {
        for (WorkerSettings w : workers.values()) {
            if (w.taskQueue().equals(taskQueue) && w.workflows()) {
                return w;
            }
        }
        return null;
    }

    private ReentrantLock idLock(String workflowId) {
        return idLocks[Math.floorMod(workflowId.hashCode(), idLocks.length)];
    }

    Instant now() {
        return clock.now();
    }

    static long nanos(Instant t) {
        return Instant.EPOCH.until(t, ChronoUnit.NANOS);
    }

    // ---------------------------------------------------------------- starting

    /** What a start asks for, from a process or from a parent's command. */
    record StartRequest(String entryId, String workerId, String taskQueue, Object[] frozenArgs,
                        Map<String, Object> context, List<Message> messages, Map<String, Object> options,
                        StartOptions parsed, String parentPid, String parentRun, long parentSeq, String derivedId) {
    }

    /** The outcome of a start: the PID, whether an existing execution was used, and the run made (if any). */
    record Started(String pid, OpenRun made, OpenRun existing) {
    }

    /**
     * Starts a workflow from a process: durable when this returns (spec 05 §3.2, G1).
     *
     * @throws SpawnException with the kind Lua code sees
     */
    String start(Execution caller, StartRequest r, boolean monitor, boolean link) {
        String id = r.parsed().id() != null ? r.parsed().id() : TimeUuids.v7().toString();
        ReentrantLock lock = idLock(id);
        lock.lock();
        try {
            OpenRun existing = open.get(id);
            if (existing != null && r.parsed().conflictPolicy() == StartOptions.ConflictPolicy.TERMINATE_EXISTING
                    && !r.parsed().errorWhenStarted()) {
                terminate(existing, "terminated by a new start of workflow " + id);
                existing = null;
            }
            Plan plan = new Plan();
            Started s = decide(plan, id, r, existing);
            if (s.existing() != null) {
                deliverStartupMessages(plan, s.existing(), r.messages());
            }
            commit(plan);
            if (caller != null) {
                if (monitor) {
                    watchers.watchStarting(id, caller, false);
                }
                if (link) {
                    watchers.watchStarting(id, caller, true);
                }
            }
            if (s.made() != null) {
                begin(s.made());
            }
            return s.pid();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies spec 05 §3.5 for workflow ID {@code id}: the existing open execution, an error, or a new execution
     * written by {@code plan}.
     */
    private Started decide(Plan plan, String id, StartRequest r, OpenRun existing) {
        StartOptions o = r.parsed();
        if (existing != null) {
            if (o.errorWhenStarted() || o.conflictPolicy() == StartOptions.ConflictPolicy.FAIL) {
                throw new SpawnException(ErrorObject.ALREADY_EXISTS, "workflow " + id + " is already running");
            }
            return new Started(existing.pid, null, existing);
        }
        if (o.id() != null) {
            String status = store.read("SELECT status FROM workflows WHERE workflow_id = ?", List.of(id),
                    rs -> rs.next() ? rs.getString(1) : null);
            if (status != null && status.equals("running")) {
                throw new SpawnException(ErrorObject.UNAVAILABLE, "workflow " + id + " is running elsewhere");
            }
            if (status != null && (o.reusePolicy() == StartOptions.ReusePolicy.REJECT_DUPLICATE
                    || (o.reusePolicy() == StartOptions.ReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY
                    && status.equals("completed")))) {
                throw new SpawnException(ErrorObject.ALREADY_EXISTS, "workflow " + id + " already ran (" + status
                        + ") and its reuse policy forbids another run");
            }
        }
        OpenRun made = planExecution(plan, id, r);
        return new Started(made.pid, made, null);
    }

    /** A new execution: its row, its first run and the start record; it runs once {@link #begin} is called. */
    private OpenRun planExecution(Plan plan, String id, StartRequest r) {
        WorkerSettings w = workers.get(r.workerId());
        Entry entry = code.decoded().get(r.entryId());
        String type = entry == null ? r.entryId() : typeName(entry);
        String queue = r.taskQueue() != null ? r.taskQueue() : w.taskQueue();
        Instant now = now();
        String runId = TimeUuids.v7().toString();
        HistoryEvent.RunStarted rs = new HistoryEvent.RunStarted(id, runId, type, r.entryId(), queue, 1,
                DurableCodec.encodeAll(r.frozenArgs()), Encoded.map(r.context()), Encoded.plain(r.options()),
                Outcomes.encodeMessages(r.messages()), r.parentPid(), nanos(now));
        OpenRun run = new OpenRun(id, pid(w.id(), id), w);
        run.start = StoredStep.of(List.of(rs));
        run.options = r.parsed();
        run.parentPid = r.parentPid();
        run.parentRun = r.parentRun();
        run.parentSeq = r.parentSeq();
        run.historyLength = 1;
        byte[] record = run.start.encoded();
        plan.write(tx -> {
            tx.exec("INSERT OR REPLACE INTO workflows(workflow_id, run_id, type, entry_id, worker, task_queue, status,"
                    + " options, parent_pid, parent_run, parent_seq, attempt, history_length, created_at)"
                    + " VALUES(?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, 1, 1, ?)", id, runId, type, r.entryId(),
                    w.id(), queue, Encoded.plain(r.options()), r.parentPid(), r.parentRun(), r.parentSeq(),
                    nanos(now));
            tx.exec("INSERT INTO history(run_id, idx, records) VALUES(?, 0, ?)", runId, record);
        });
        StartOptions o = r.parsed();
        Instant begins = o.startDelay() != null ? now.plus(o.startDelay())
                : o.cron() != null ? CronSchedule.parse(o.cron()).next(now) : null;
        if (begins != null) {
            planTimer(plan, run, runId, 0, "start", begins);
        } else {
            run.startDue = true;
        }
        if (o.executionTimeout() != null) {
            planTimer(plan, run, id, 0, "execution_timeout", now.plus(o.executionTimeout()));
        }
        if (o.runTimeout() != null) {
            planTimer(plan, run, runId, 0, "run_timeout", (begins == null ? now : begins).plus(o.runTimeout()));
        }
        if (r.parentPid() != null) {
            String parentId = workflowIdOf(r.parentPid(), workers.keySet());
            if (parentId != null) {
                plan.then(() -> children.computeIfAbsent(parentId, k -> ConcurrentHashMap.newKeySet()).add(id));
            }
        }
        return run;
    }

    /** The type name a workflow entry registers under (spec 05 §2.2). */
    static String typeName(Entry e) {
        Object name = dev.wippy.runtime.registry.Values.at(e.meta(), "temporal.workflow.name");
        return name == null ? e.id() : name.toString();
    }

    /** A due item of a run: a row now, an item of the due queue once committed. */
    void planTimer(Plan plan, OpenRun run, String runKey, long seq, String kind, Instant at) {
        plan.write(tx -> tx.exec("INSERT OR REPLACE INTO timers(run_id, seq, kind, workflow_id, due_at)"
                + " VALUES(?, ?, ?, ?, ?)", runKey, seq, kind, run.workflowId, nanos(at)));
        plan.then(() -> schedule(run, runKey, seq, kind, at));
    }

    /** Puts a due item of {@code run} on the queue (at commit, or when recovering). */
    void schedule(OpenRun run, String runKey, long seq, String kind, Instant at) {
        run.due.put(OpenRun.dueKey(runKey, kind, seq), due.at(at, () -> fire(run, runKey, seq, kind)));
    }

    /** Registers a new execution in memory and lets it run. */
    private void begin(OpenRun run) {
        open.put(run.workflowId, run);
        poke(run);
    }

    private void deliverStartupMessages(Plan plan, OpenRun run, List<Message> messages) {
        for (Message m : messages) {
            planInput(plan, run, null, new HistoryEvent.SignalReceived(m.topic(), m.from(),
                    DurableCodec.encode(m.payload().frozen())));
        }
    }

    // ---------------------------------------------------------------- inputs from outside

    /** An input for {@code run} (of run {@code runId}, or null for whichever run is current), made durable by plan. */
    void planInput(Plan plan, OpenRun run, String runId, HistoryEvent.Input input) {
        long id = inboxIds.getAndIncrement();
        byte[] record = HistoryCodec.encode(input);
        plan.writeOne("workflow " + run.workflowId + " is no longer running",
                "INSERT INTO inbox(id, workflow_id, run_id, record) SELECT ?, ?, ?, ? WHERE EXISTS"
                        + " (SELECT 1 FROM workflows WHERE workflow_id = ? AND status = 'running')",
                id, run.workflowId, runId, record, run.workflowId);
        plan.then(() -> {
            run.lock.lock();
            try {
                run.inbox.add(new OpenRun.Input(id, runId, input));
            } finally {
                run.lock.unlock();
            }
            poke(run);
        });
    }

    OpenRun openRun(String workflowId) {
        OpenRun r = open.get(workflowId);
        if (r == null) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + workflowId);
        }
        return r;
    }

    /** A signal, durable when this returns (spec 05 §3.8, G6). */
    void signal(String workflowId, String topic, String from, Object frozenPayload) {
        signal(workflowId, topic, from, frozenPayload, tx -> { });
    }

    /** A signal committed together with {@code also} (an operator request's removal: never applied twice). */
    void signal(String workflowId, String topic, String from, Object frozenPayload, Store.Work also) {
        byte[] payload;
        try {
            payload = DurableCodec.encode(frozenPayload);
        } catch (Frozen.NotTransferable e) {
            throw new SpawnException(ErrorObject.INVALID, e.getMessage());
        }
        OpenRun run = openRun(workflowId);
        Plan plan = new Plan();
        planInput(plan, run, null, new HistoryEvent.SignalReceived(topic, from, payload));
        plan.write(also);
        commitOrNotFound(plan, workflowId);
    }

    /** A cancellation request: one CANCEL event for the run (spec 05 §3.10). */
    void cancel(String workflowId, String from, String reason) {
        cancel(workflowId, from, reason, tx -> { });
    }

    void cancel(String workflowId, String from, String reason, Store.Work also) {
        OpenRun run = openRun(workflowId);
        Plan plan = new Plan();
        plan.write(also);
        planInput(plan, run, null, new HistoryEvent.CancelRequested(from, reason));
        plan.write(tx -> tx.exec("UPDATE workflows SET cancel_requested = 1 WHERE workflow_id = ?", workflowId));
        plan.then(() -> run.cancelRequested = true);
        commitOrNotFound(plan, workflowId);
    }

    private void commitOrNotFound(Plan plan, String workflowId) {
        try {
            commit(plan);
        } catch (Store.StoreException e) {
            if (e.getCause() instanceof Plan.Conflict) {
                throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + workflowId);
            }
            throw new SpawnException(ErrorObject.UNAVAILABLE, e.getMessage());
        }
    }

    /** Terminates an open execution at once (spec 05 §3.10); false when it had closed already. */
    boolean terminate(OpenRun run, String reason) {
        return closeNow(run, "terminated", ErrorObject.of(ErrorObject.CANCELED, "workflow terminated"
                + (reason == null ? "" : ": " + reason), false, null));
    }

    /** Closes a run from outside its code (terminate, timeout): final, no retry. */
    private boolean closeNow(OpenRun run, String status, ErrorObject error) {
        run.lock.lock();
        try {
            if (run.closed) {
                return false;
            }
            Plan plan = new Plan();
            planFinal(plan, run, status, new ExitResult(null, error, ExitResult.Ending.RAISED), now(), new HashSet<>());
            try {
                commit(plan);
            } catch (Store.StoreException e) {
                if (e.getCause() instanceof Plan.Conflict) {
                    return false;
                }
                throw e;
            }
            return true;
        } finally {
            run.lock.unlock();
        }
    }

    /** The final outcome of {@code workflowId}, when it closes (or from the database if closed). */
    CompletableFuture<ExitResult> outcome(String workflowId) {
        CompletableFuture<ExitResult> f = new CompletableFuture<>();
        if (watchers.waitFor(workflowId, f)) {
            return f;
        }
        byte[] stored = store.read("SELECT outcome FROM workflows WHERE workflow_id = ? AND status <> 'running'",
                List.of(workflowId), rs -> rs.next() ? rs.getBytes(1) : null);
        if (stored != null) {
            f.complete(Outcomes.decode(stored));
        } else if (!open.containsKey(workflowId)) {
            f.complete(new ExitResult(null, ErrorObject.of(ErrorObject.NOT_FOUND, "workflow not found: "
                    + workflowId, false, null)));
        }
        return f;
    }

    void commit(Plan plan) {
        store.write(plan.work());
        plan.committed();
    }

    // ---------------------------------------------------------------- due items

    private void fire(OpenRun run, String runKey, long seq, String kind) {
        switch (kind) {
            case "timer" -> arrived(run, runKey, new HistoryEvent.TimerFired(seq));
            case "start" -> {
                Plan plan = new Plan();
                plan.write(tx -> tx.exec("DELETE FROM timers WHERE run_id = ? AND seq = 0 AND kind = 'start'", runKey));
                plan.then(() -> {
                    run.lock.lock();
                    try {
                        if (run.runId().equals(runKey)) {
                            run.startDue = true;
                        }
                    } finally {
                        run.lock.unlock();
                    }
                    poke(run);
                });
                tryCommit(plan);
            }
            case "run_timeout" -> {
                if (run.runId().equals(runKey)) {
                    closeNow(run, "timed_out", ErrorObject.of(ErrorObject.TIMEOUT, "workflow run timed out", false,
                            null));
                }
            }
            case "execution_timeout" -> closeNow(run, "timed_out", ErrorObject.of(ErrorObject.TIMEOUT,
                    "workflow execution timed out", false, null));
            default -> LOG.warn("unknown due item {} of workflow {}", kind, run.workflowId);
        }
    }

    /**
     * An activity's outcome or a fired timer for run {@code runId}: recorded by the step that consumes it, which also
     * removes the activity's or timer's row (spec 05 §6 G4, G5: until then a crash repeats it).
     */
    void arrived(OpenRun run, String runId, HistoryEvent.Input input) {
        run.lock.lock();
        try {
            if (run.closed) {
                return;
            }
            run.inbox.add(new OpenRun.Input(OpenRun.Input.IN_MEMORY, runId, input));
        } finally {
            run.lock.unlock();
        }
        poke(run);
    }

    /** Commits a plan whose target may have closed meanwhile (then it is simply dropped). */
    void tryCommit(Plan plan) {
        try {
            commit(plan);
        } catch (Store.StoreException e) {
            if (!(e.getCause() instanceof Plan.Conflict)) {
                LOG.atError().addKeyValue("error", e.getMessage()).log("workflow change not committed");
            }
        }
    }

    // ---------------------------------------------------------------- steps

    /** Lets {@code run} take a step when it has something to do. */
    void poke(OpenRun run) {
        synchronized (run) {
            if (run.queued) {
                return;
            }
            run.queued = true;
        }
        Thread.ofVirtual().name("workflow " + run.workflowId).start(() -> {
            WorkerSettings host = run.worker.workflows() ? run.worker : workerForQueue(run.started().taskQueue());
            Semaphore slots = host == null ? null : stepSlots.get(host.id());
            try {
                if (slots != null) {
                    slots.acquireUninterruptibly();
                    try {
                        step(run, host);
                    } finally {
                        slots.release();
                    }
                }
            } finally {
                synchronized (run) {
                    run.queued = false;
                }
            }
            if (slots != null && needsStep(run)) {
                poke(run);
            }
        });
    }

    private boolean needsStep(OpenRun run) {
        run.lock.lock();
        try {
            return !run.closed && run.blocked == null && run.startDue
                    && (!run.inbox.isEmpty() || run.historyLength == 1);
        } finally {
            run.lock.unlock();
        }
    }

    private void step(OpenRun run, WorkerSettings host) {
        run.lock.lock();
        try {
            if (run.closed || run.blocked != null || !run.startDue
                    || (run.inbox.isEmpty() && run.historyLength > 1)) {
                return;
            }
            long began = System.nanoTime();
            List<OpenRun.Input> taken = run.takeInputs();
            List<OpenRun.Input> inputs = new ArrayList<>();
            List<Long> stale = new ArrayList<>();
            for (OpenRun.Input in : taken) {
                if (in.runId() == null || in.runId().equals(run.runId())) {
                    inputs.add(in);
                } else {
                    stale.add(in.rowId());
                }
            }
            try {
                ensureLive(run, host);
                Instant now = now();
                Instant t = now.isAfter(run.lastStepTime) ? now : run.lastStepTime;
                StoredStep stored = run.live.step(t, inputs.stream().map(OpenRun.Input::input).toList());
                Plan plan = planStep(run, stored, inputs, stale, t);
                commit(plan);
                long took = System.nanoTime() - began;
                stepTimes.recordValue(took);
                java.util.function.LongConsumer observer = stepObserver;
                if (observer != null) {
                    observer.accept(took);
                }
                run.lastStepTime = t;
                if (replayAlways && !run.closed) {
                    run.dropLive();
                }
            } catch (NondeterminismException e) {
                block(run, taken, e);
            } catch (Store.StoreException e) {
                run.dropLive();
                if (!(e.getCause() instanceof Plan.Conflict)) {
                    LOG.atError().addKeyValue("workflow_id", run.workflowId).addKeyValue("error", e.getMessage())
                            .log("workflow step not committed; it will be replayed");
                    requeue(run, taken);
                }
            }
        } finally {
            run.lock.unlock();
        }
    }

    private void requeue(OpenRun run, List<OpenRun.Input> taken) {
        for (int i = taken.size() - 1; i >= 0; i--) {
            run.inbox.addFirst(taken.get(i));
        }
    }

    /**
     * Non-determinism (spec 05 §6 G10): nothing of the step is committed, the run stays open and blocked until the
     * code changes or the runtime restarts; one error record says where and what.
     */
    private void block(OpenRun run, List<OpenRun.Input> taken, NondeterminismException e) {
        run.dropLive();
        requeue(run, taken);
        run.blocked = e.getMessage();
        LOG.atError().addKeyValue("workflow_id", run.workflowId).addKeyValue("run_id", run.runId())
                .log(e.getMessage());
    }

    /** Rebuilds the run's Lua state by replaying its committed history when it is not cached. */
    private void ensureLive(OpenRun run, WorkerSettings host) {
        if (run.live != null) {
            return;
        }
        LuaEntry entry = code.lua(run.started().entryId());
        if (entry == null) {
            throw new NondeterminismException(new dev.wippy.workflow.core.RunInfo(run.workflowId, run.runId(),
                    run.started().workflowType(), run.started().entryId(), run.started().taskQueue(), NAMESPACE,
                    run.started().attempt(), run.pid), "workflow entry " + run.started().entryId() + " does not exist");
        }
        WorkflowRun.Code c = new WorkflowRun.Code(entry, sandbox, kinds(), host.logInReplay());
        HistoryRun live = new HistoryRun(node, run.start, run.pid, NAMESPACE, c, host.deadlockTimeout().toNanos());
        run.live = live;
        if (run.historyLength > 1) {
            List<StoredStep> recorded = loadHistory(run.runId());
            LOG.atDebug().addKeyValue("workflow_id", run.workflowId).addKeyValue("run_id", run.runId())
                    .addKeyValue("steps", recorded.size()).log("replaying workflow history");
            live.replay(recorded.subList(1, recorded.size()));
            if (live.lastStepTime().isAfter(run.lastStepTime)) {
                run.lastStepTime = live.lastStepTime();
            }
        }
    }

    WorkflowKinds kinds() {
        return id -> {
            Entry e = code.decoded().get(id);
            return e == null ? null : e.kind();
        };
    }

    List<StoredStep> loadHistory(String runId) {
        return store.read("SELECT records FROM history WHERE run_id = ? ORDER BY idx", List.of(runId), rs -> {
            List<StoredStep> out = new ArrayList<>();
            while (rs.next()) {
                out.add(StoredStep.decode(rs.getBytes(1)));
            }
            return out;
        });
    }

    /** The writes and after-commit effects of a step's records (spec 05 §6 G2: all or nothing). */
    private Plan planStep(OpenRun run, StoredStep stored, List<OpenRun.Input> consumed, List<Long> stale,
                          Instant t) {
        List<HistoryEvent> records = stored.records();
        Plan plan = new Plan();
        String runId = run.runId();
        long base = run.historyLength;
        long length = base + records.size();
        plan.writeOne("workflow " + run.workflowId + " changed during its step",
                "UPDATE workflows SET history_length = ? WHERE workflow_id = ? AND run_id = ? AND status = 'running'"
                        + " AND history_length = ?", length, run.workflowId, runId, base);
        byte[] encoded = stored.encoded();
        List<Long> rows = new ArrayList<>(stale);
        List<OpenRun.Input> inMemory = new ArrayList<>();
        for (OpenRun.Input in : consumed) {
            if (in.rowId() == OpenRun.Input.IN_MEMORY) {
                inMemory.add(in);
            } else {
                rows.add(in.rowId());
            }
        }
        plan.write(tx -> {
            tx.exec("INSERT INTO history(run_id, idx, records) VALUES(?, ?, ?)", runId, base, encoded);
            for (long row : rows) {
                tx.exec("DELETE FROM inbox WHERE id = ?", row);
            }
            for (OpenRun.Input in : inMemory) {
                switch (in.input()) {
                    case HistoryEvent.ActivityCompleted done -> tx.exec(
                            "DELETE FROM activities WHERE run_id = ? AND seq = ?", runId, done.seq());
                    case HistoryEvent.TimerFired fired -> tx.exec(
                            "DELETE FROM timers WHERE run_id = ? AND seq = ? AND kind = 'timer'", runId, fired.seq());
                    default -> throw new IllegalStateException("not an in-memory input: " + in.input());
                }
            }
        });
        plan.then(() -> run.historyLength = length);
        for (HistoryEvent e : records) {
            switch (e) {
                case Command c -> planCommand(plan, run, c, t);
                case HistoryEvent.RunClosed closed -> planClose(plan, run, closed.status(),
                        Outcomes.decode(closed.outcome()), t);
                default -> {
                }
            }
        }
        return plan;
    }

    private void planCommand(Plan plan, OpenRun run, Command c, Instant t) {
        String runId = run.runId();
        switch (c) {
            case Command.ActivityScheduled a -> activities.plan(plan, run, a, t);
            case Command.ActivityCanceled a -> activities.planCancel(plan, runId, a.activitySeq());
            case Command.TimerStarted timer -> planTimer(plan, run, runId, timer.seq(), "timer",
                    t.plusNanos(timer.nanos()));
            case Command.TimerCanceled cancel -> {
                plan.write(tx -> tx.exec("DELETE FROM timers WHERE run_id = ? AND seq = ? AND kind = 'timer'", runId,
                        cancel.timerSeq()));
                plan.then(() -> {
                    DueQueue.Cancel item = run.due.remove(OpenRun.dueKey(runId, "timer", cancel.timerSeq()));
                    if (item != null) {
                        item.cancel();
                    }
                });
            }
            case Command.ChildRequested child -> planChild(plan, run, child);
            case Command.MessageSent send -> planSend(plan, run, send);
            case Command.CancelSent cancel -> {
                OpenRun target = ourOpen(cancel.destination());
                if (target != null) {
                    planInput(plan, target, null, new HistoryEvent.CancelRequested(run.pid, cancel.reason()));
                    plan.then(() -> target.cancelRequested = true);
                } else {
                    plan.then(() -> outside(() -> node.resolve(cancel.destination()).deliver(new Event(Event.CANCEL,
                            run.pid, null, cancel.reason()))));
                }
            }
            case Command.TerminateSent term -> {
                OpenRun target = ourOpen(term.destination());
                plan.then(() -> {
                    if (target != null) {
                        Thread.startVirtualThread(() -> terminate(target, "terminated by " + run.pid));
                    } else {
                        outside(() -> node.resolve(term.destination()).terminate(ErrorObject.of(ErrorObject.CANCELED,
                                "process terminated by " + run.pid)));
                    }
                });
            }
            case Command.AttributesUpserted attrs -> plan.write(tx -> tx.exec(
                    "UPDATE workflows SET search = ?, memo = ? WHERE workflow_id = ?",
                    merged(run, "search", attrs.search()), merged(run, "memo", attrs.memo()), run.workflowId));
            case Command.ValueRecorded v -> {
            }
            case Command.VersionMarked v -> {
            }
        }
    }

    /** Search attributes or memo with {@code update} merged in (spec 05 §4.7). */
    private byte[] merged(OpenRun run, String column, byte[] update) {
        Map<String, Object> current = new HashMap<>(Encoded.unplain(store.read("SELECT " + column
                + " FROM workflows WHERE workflow_id = ?", List.of(run.workflowId), rs -> rs.next() ? rs.getBytes(1)
                : null)));
        current.putAll(Encoded.unplain(update));
        return Encoded.plain(current);
    }

    /** An effect on the node's processes: they may be gone, which a workflow never notices. */
    private static void outside(Runnable effect) {
        try {
            effect.run();
        } catch (SpawnException ignored) {
            // the process ended; sends from workflows are at least once while the receiver lives
        }
    }

    private OpenRun ourOpen(String destination) {
        String id = workflowIdOf(destination, workers.keySet());
        return id == null ? null : open.get(id);
    }

    /**
     * A send: to one of our workflows a signal in the same transaction; to a process a row of the outbox, delivered
     * after the commit and then removed (at least once, never re-sent by replay: spec 05 §6 G6).
     */
    private void planSend(Plan plan, OpenRun run, Command.MessageSent send) {
        String targetId = workflowIdOf(send.destination(), workers.keySet());
        if (targetId != null) {
            OpenRun target = open.get(targetId);
            if (target != null) {
                planInput(plan, target, null, new HistoryEvent.SignalReceived(send.topic(), run.pid, send.payload()));
                return;
            }
            LOG.atWarn().addKeyValue("workflow_id", run.workflowId).addKeyValue("destination", send.destination())
                    .log("workflow sent a message to a workflow that is not running; dropped");
            return;
        }
        long id = inboxIds.getAndIncrement();
        plan.write(tx -> tx.exec("INSERT INTO outbox(id, run_id, destination, topic, sender, payload)"
                + " VALUES(?, ?, ?, ?, ?, ?)", id, run.runId(), send.destination(), send.topic(), run.pid,
                send.payload()));
        plan.then(() -> deliverOutbox(id, send.destination(), send.topic(), run.pid, send.payload()));
    }

    void deliverOutbox(long id, String destination, String topic, String sender, byte[] payload) {
        outside(() -> {
            var external = node.ownerOf(destination);
            Payload p = new Payload(DurableCodec.decode(payload));
            if (external != null) {
                external.send(sender, destination, topic, p);
            } else {
                node.send(sender, destination, topic, p);
            }
        });
        store.submit(tx -> tx.exec("DELETE FROM outbox WHERE id = ?", id));
    }

    // ---------------------------------------------------------------- children

    private void planChild(Plan plan, OpenRun parent, Command.ChildRequested c) {
        String runId = parent.runId();
        Map<String, Object> options = Encoded.unplain(c.options());
        StartOptions parsed = StartOptions.of(options, c.name(), w -> LOG.warn("workflow {}: {}", parent.workflowId, w));
        Entry entry = code.decoded().get(c.entryId());
        WorkerSettings host = childHost(parent, entry, c.host());
        String queue = parsed.taskQueue() != null ? parsed.taskQueue()
                : host != null ? host.taskQueue() : c.host();
        String id = parsed.id() != null ? parsed.id() : parent.workflowId + "/" + runId.substring(0, 8) + "-" + c.seq();
        StartRequest r = new StartRequest(c.entryId(), (host != null ? host : parent.worker).id(), queue,
                DurableCodec.decodeAll(c.args()), Encoded.unmap(c.context()), Outcomes.decodeMessages(c.startupMessages()),
                options, new StartOptions(id, parsed.taskQueue(), parsed.executionTimeout(), parsed.runTimeout(),
                parsed.conflictPolicy(), parsed.reusePolicy(), parsed.errorWhenStarted(), parsed.retryPolicy(),
                parsed.cron(), parsed.memo(), parsed.searchAttributes(), parsed.startDelay(),
                parsed.parentClosePolicy(), parsed.waitForCancellation()), parent.pid, runId, c.seq(), null);
        HistoryEvent.ChildStarted answer;
        OpenRun existing = open.get(id);
        try {
            Started s = decide(plan, id, r, existing);
            if (s.existing() != null) {
                deliverStartupMessages(plan, s.existing(), r.messages());
            }
            if (s.made() != null) {
                OpenRun made = s.made();
                plan.then(() -> begin(made));
            }
            answer = new HistoryEvent.ChildStarted(c.seq(), s.pid(), null);
        } catch (SpawnException e) {
            answer = new HistoryEvent.ChildStarted(c.seq(), null, Outcomes.encodeError(ErrorObject.of(e.kind(),
                    e.getMessage(), false, null)));
        }
        planInput(plan, parent, runId, answer);
    }

    /** Where a child runs (spec 05 §4.8): the host given (a worker, else a task queue), the child's binding, or the parent's worker. */
    private WorkerSettings childHost(OpenRun parent, Entry entry, String host) {
        if (host != null) {
            if (workers.containsKey(host)) {
                return workers.get(host);
            }
            return workerForQueue(host);
        }
        if (entry != null) {
            Object bound = dev.wippy.runtime.registry.Values.at(entry.meta(), "temporal.workflow.worker");
            if (bound != null) {
                String id = dev.wippy.runtime.registry.EntryId.resolve(bound.toString(), entry.namespace());
                if (workers.containsKey(id)) {
                    return workers.get(id);
                }
            }
        }
        return parent.worker;
    }

    // ---------------------------------------------------------------- closing

    /**
     * A run's main function ended (spec 05 §2.1): a failure may be retried by the run's policy, a cron execution
     * goes on with its next run, anything else is the execution's final outcome.
     */
    private void planClose(Plan plan, OpenRun run, String status, ExitResult outcome, Instant now) {
        StartOptions o = run.options;
        long attempt = run.started().attempt();
        RetryPolicy policy = o.retryPolicy();
        if (status.equals("failed") && !run.cancelRequested && policy != null
                && policy.retries(outcome.error(), attempt)) {
            planNextRun(plan, run, attempt + 1, now.plus(policy.delayAfter(attempt)), now);
        } else if (o.cron() != null && !run.cancelRequested) {
            planNextRun(plan, run, 1, CronSchedule.parse(o.cron()).next(now), now);
        } else {
            planFinal(plan, run, status, outcome, now, new HashSet<>());
        }
    }

    private void planNextRun(Plan plan, OpenRun run, long attempt, Instant begins, Instant now) {
        String old = run.runId();
        HistoryEvent.RunStarted s = run.started();
        HistoryEvent.RunStarted next = new HistoryEvent.RunStarted(s.workflowId(), TimeUuids.v7().toString(),
                s.workflowType(), s.entryId(), s.taskQueue(), attempt, s.args(), s.context(), s.options(),
                Outcomes.encodeMessages(List.of()), s.parentPid(), nanos(now));
        StoredStep nextStart = StoredStep.of(List.of(next));
        byte[] record = nextStart.encoded();
        plan.write(tx -> {
            tx.exec("UPDATE workflows SET run_id = ?, attempt = ?, history_length = 1 WHERE workflow_id = ?",
                    next.runId(), attempt, run.workflowId);
            tx.exec("INSERT INTO history(run_id, idx, records) VALUES(?, 0, ?)", next.runId(), record);
            tx.exec("DELETE FROM activities WHERE run_id = ?", old);
            tx.exec("DELETE FROM timers WHERE run_id = ?", old);
        });
        plan.then(() -> {
            run.cancelDueOf(old);
            activities.cancelRun(old);
            run.dropLive();
            run.start = nextStart;
            run.historyLength = 1;
            run.startDue = false;
            run.lastStepTime = Instant.EPOCH;
        });
        planTimer(plan, run, next.runId(), 0, "start", begins);
        if (run.options.runTimeout() != null) {
            planTimer(plan, run, next.runId(), 0, "run_timeout", begins.plus(run.options.runTimeout()));
        }
    }

    /**
     * The execution's final outcome (spec 05 §6 G8): recorded once, guarded against a concurrent close; open
     * children follow their parent close policy; the parent learns it; observers get it after the commit.
     */
    void planFinal(Plan plan, OpenRun run, String status, ExitResult outcome, Instant now, Set<String> closing) {
        closing.add(run.workflowId);
        byte[] encoded = Outcomes.encode(outcome);
        String runId = run.runId();
        plan.writeOne("workflow " + run.workflowId + " closed already",
                "UPDATE workflows SET status = ?, outcome = ?, closed_at = ? WHERE workflow_id = ? AND run_id = ?"
                        + " AND status = 'running'", status, encoded, nanos(now), run.workflowId, runId);
        plan.write(tx -> {
            tx.exec("DELETE FROM activities WHERE run_id = ?", runId);
            tx.exec("DELETE FROM timers WHERE workflow_id = ?", run.workflowId);
            tx.exec("DELETE FROM inbox WHERE workflow_id = ?", run.workflowId);
        });
        if (!status.equals("completed") && !status.equals("failed")) {
            plan.write(tx -> tx.exec("INSERT INTO history(run_id, idx, records) VALUES(?, ?, ?)", runId,
                    run.historyLength, HistoryCodec.encodeList(List.of(new HistoryEvent.RunClosed(status, encoded)))));
        }
        for (String childId : children.getOrDefault(run.workflowId, Set.of())) {
            OpenRun child = open.get(childId);
            if (child == null || closing.contains(childId)) {
                continue;
            }
            switch (child.options.parentClosePolicy()) {
                case TERMINATE -> planFinal(plan, child, "terminated", new ExitResult(null, ErrorObject.of(
                        ErrorObject.CANCELED, "workflow terminated: parent " + run.workflowId + " closed", false,
                        null), ExitResult.Ending.RAISED), now, closing);
                case REQUEST_CANCEL -> planInput(plan, child, null, new HistoryEvent.CancelRequested(run.pid,
                        "parent closed"));
                case ABANDON -> {
                }
            }
        }
        OpenRun parent = run.parentPid == null ? null : ourOpen(run.parentPid);
        if (parent != null && !closing.contains(parent.workflowId)) {
            planInput(plan, parent, run.parentRun, new HistoryEvent.ChildClosed(run.parentSeq, encoded));
        }
        plan.then(() -> {
            run.closed = true;
            open.remove(run.workflowId, run);
            run.cancelDue();
            activities.cancelRun(runId);
            if (run.parentPid != null) {
                String parentId = workflowIdOf(run.parentPid, workers.keySet());
                if (parentId != null) {
                    children.computeIfPresent(parentId, (k, set) -> {
                        set.remove(run.workflowId);
                        return set.isEmpty() ? null : set;
                    });
                }
            }
            Thread.startVirtualThread(run::dropLive);
            watchers.closed(run.workflowId, run.pid, outcome);
        });
    }

    // ---------------------------------------------------------------- code changes and shutdown

    /** Workflow code changed (spec 05 §2.5): cached runs are evicted, blocked runs try again with the new code. */
    void codeChanged(Set<String> entryIds) {
        for (OpenRun run : open.values()) {
            if (!entryIds.contains(run.started().entryId())) {
                continue;
            }
            run.lock.lock();
            try {
                run.dropLive();
                run.blocked = null;
            } finally {
                run.lock.unlock();
            }
            poke(run);
        }
    }

    Collection<OpenRun> openRuns() {
        return open.values();
    }

    /**
     * Stops without touching any workflow (spec 05 §2.5, G12): no step starts, running activities get the stop
     * timeout, cached runs are dropped. Everything resumes from the database on the next start.
     */
    List<String> stop(Duration timeout) {
        due.stop();
        List<String> cut = activities.stop(timeout);
        for (OpenRun run : open.values()) {
            run.lock.lock();
            try {
                run.closed = true;
                run.dropLive();
            } finally {
                run.lock.unlock();
            }
        }
        return cut;
    }
}
