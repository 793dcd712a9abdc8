package dev.wippy.workflow.history;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Message;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.Payload;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.core.Operations;
import dev.wippy.workflow.core.RunInfo;
import dev.wippy.workflow.core.WorkflowRun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run driven by its history. {@link #replay} re-executes recorded steps in a fresh state, checking that the code
 * issues the recorded commands; {@link #step} runs one live step and returns its records. A step always runs the
 * code to a quiescent point, applies the step's inputs in order (the first step also routes the startup messages
 * first), and runs to the next quiescent point.
 */
public final class HistoryRun {
    private final HistoryEvent.RunStarted start;
    private final HistoryOperations ops;
    private final WorkflowRun run;
    private final long stepTimeoutNanos;
    private boolean mainStarted;
    private long length;
    private long size;
    private Instant lastStepTime = Instant.EPOCH;

    /**
     * @param start            the run's first stored step: its start record alone
     * @param stepTimeoutNanos how long a step may run Lua code without blocking before it counts as a deadlock
     */
    public HistoryRun(Node node, StoredStep start, String pid, String namespace, WorkflowRun.Code code,
                      long stepTimeoutNanos) {
        this.start = (HistoryEvent.RunStarted) start.records().getFirst();
        RunInfo info = new RunInfo(this.start.workflowId(), this.start.runId(), this.start.workflowType(),
                this.start.entryId(), this.start.taskQueue(), namespace, this.start.attempt(), pid);
        this.ops = new HistoryOperations(info);
        this.run = new WorkflowRun(node, info, Encoded.unmap(this.start.context()), ops, code);
        this.stepTimeoutNanos = stepTimeoutNanos;
        this.length = 1;
        this.size = start.encoded().length;
    }

    public RunInfo info() {
        return ops.info();
    }

    /** The time of the last step run or replayed: workflow time never goes back behind it. */
    public Instant lastStepTime() {
        return lastStepTime;
    }

    /** The run's outcome once its main function has ended, else null. */
    public ExitResult outcome() {
        return run.outcome();
    }

    /**
     * Re-executes the recorded steps that follow the start record.
     *
     * @throws NondeterminismException when the code no longer issues what was recorded
     */
    public void replay(List<StoredStep> recorded) {
        for (StoredStep stored : recorded) {
            List<HistoryEvent> records = stored.records();
            if (records.isEmpty() || !(records.getFirst() instanceof HistoryEvent.StepStarted step)) {
                throw new NondeterminismException(ops.info(), "history record " + (length + 1)
                        + " does not begin a step");
            }
            List<HistoryEvent.Input> inputs = new ArrayList<>();
            List<Command> commands = new ArrayList<>();
            boolean closes = false;
            for (HistoryEvent e : records.subList(1, records.size())) {
                switch (e) {
                    case HistoryEvent.Input in -> inputs.add(in);
                    case Command c -> commands.add(c);
                    case HistoryEvent.RunClosed c -> closes = true;
                    default -> throw new NondeterminismException(ops.info(), "unexpected record in a step: " + e);
                }
            }
            lastStepTime = Instant.EPOCH.plusNanos(step.timeNanos());
            ops.beginStep(lastStepTime, length, size, commands);
            runStep(inputs);
            List<Command> missing = ops.unmatched();
            if (!missing.isEmpty()) {
                throw new NondeterminismException(ops.info(), "at command " + missing.getFirst().seq() + " expected "
                        + missing.getFirst().describe() + ", got no command (the code ended its step earlier)");
            }
            if (closes != (run.outcome() != null)) {
                throw new NondeterminismException(ops.info(), closes ? "expected the run to complete at step "
                        + "starting at record " + (length + 1) + ", it did not" : "the run completed before the end "
                        + "of its recorded history");
            }
            length += records.size();
            size += stored.encoded().length;
        }
    }

    /**
     * Runs one live step at {@code time} with {@code inputs}; returns the step's records, encoded for storage: its
     * start, the inputs, the commands issued and, when the run ended, its closing record (encoding the outcome may
     * fail: then the run fails with INVALID).
     *
     * @throws NondeterminismException for an unsupported version or a step that ran into its time limit
     */
    public StoredStep step(Instant time, List<HistoryEvent.Input> inputs) {
        lastStepTime = time;
        ops.beginStep(time, length, size, null);
        runStep(inputs);
        List<HistoryEvent> records = new ArrayList<>();
        records.add(new HistoryEvent.StepStarted(Instant.EPOCH.until(time, java.time.temporal.ChronoUnit.NANOS)));
        records.addAll(inputs);
        records.addAll(ops.drainIssued());
        ExitResult outcome = run.outcome();
        if (outcome != null) {
            records.add(closing(outcome));
        }
        StoredStep stored = StoredStep.of(records);
        length += records.size();
        size += stored.encoded().length;
        return stored;
    }

    private static HistoryEvent.RunClosed closing(ExitResult outcome) {
        try {
            return new HistoryEvent.RunClosed(outcome.isAbnormal() ? "failed" : "completed", Outcomes.encode(outcome));
        } catch (Frozen.NotTransferable e) {
            return new HistoryEvent.RunClosed("failed", Outcomes.encode(new ExitResult(null,
                    ErrorObject.of(ErrorObject.INVALID, "workflow result: " + e.getMessage(), false, null))));
        }
    }

    private void runStep(List<HistoryEvent.Input> inputs) {
        boolean inTime = true;
        List<Object> routedFirst = List.of();
        if (!mainStarted) {
            mainStarted = true;
            inTime = run.start(DurableCodec.decodeAll(start.args()), stepTimeoutNanos);
            routedFirst = new ArrayList<>(Outcomes.decodeMessages(start.startupMessages()));
        }
        List<Object> startup = routedFirst;
        if (inTime) {
            inTime = run.atQuiescentPoint(() -> {
                if (!startup.isEmpty()) {
                    run.route(startup);
                }
                inputs.forEach(this::apply);
            }, stepTimeoutNanos);
        }
        if (ops.failure() != null) {
            throw new NondeterminismException(ops.info(), ops.failure());
        }
        if (!inTime) {
            throw new NondeterminismException(ops.info(), "deadlock: the step ran Lua code for more than "
                    + stepTimeoutNanos / 1_000_000 + "ms without blocking");
        }
    }

    private void apply(HistoryEvent.Input in) {
        switch (in) {
            case HistoryEvent.TimerFired f -> ops.timerFired(f.seq());
            case HistoryEvent.ActivityCompleted c -> ops.activityCompleted(c.seq(), Outcomes.decode(c.outcome()));
            case HistoryEvent.ChildStarted c -> ops.childStarted(c.seq(),
                    new Operations.ChildStart(c.pid(), Outcomes.decodeError(c.error())));
            case HistoryEvent.ChildClosed c -> ops.childClosed(c.seq(), Outcomes.decode(c.outcome()));
            case HistoryEvent.SignalReceived s -> run.route(List.of(new Message(s.topic(), s.from(),
                    new Payload(DurableCodec.decode(s.payload())))));
            case HistoryEvent.CancelRequested c -> run.route(List.of(new Event(Event.CANCEL, c.from(), null,
                    c.reason())));
        }
    }

    /** Stops the run's code (eviction, termination) and waits until none of it runs. */
    public void dispose() {
        run.stop();
        run.awaitStopped();
    }
}
