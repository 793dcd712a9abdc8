package dev.wippy.temporal.run;

import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Message;
import dev.wippy.runtime.values.Payload;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.core.RunInfo;
import dev.wippy.workflow.core.WorkflowKinds;
import dev.wippy.workflow.core.WorkflowRun;
import dev.wippy.workflow.history.Encoded;
import dev.wippy.workflow.history.Outcomes;
import io.temporal.common.converter.EncodedValues;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.DynamicSignalHandler;
import io.temporal.workflow.DynamicWorkflow;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code workflow.lua} entry as one Temporal dynamic workflow. The workflow thread is the run's driver: it
 * starts the entry's Lua on the workflow core's own fibers, and at every quiescent point issues the Temporal
 * commands the code asked for, waits with {@link Workflow#await} for what Temporal delivers (completions, timers,
 * signals), and applies it to the code. Temporal replays the same way, so the code sees recorded results in
 * recorded order and Temporal checks that it issues the recorded commands.
 */
public final class LuaWorkflow implements DynamicWorkflow {
    /** The signal by which the runtime asks a run to cancel: the code gets a CANCEL event from the sender. */
    public static final String CANCEL_SIGNAL = "@wippy.cancel";
    /**
     * The signal that carries a start's startup messages when the start may join an open execution
     * (signal-with-start, spec 05 §3.5 {@code use_existing}): a new run routes them before anything else.
     */
    public static final String STARTUP_SIGNAL = "@wippy.startup";
    private final WorkerEnvironment env;
    private final Inbox inbox = new Inbox();
    private boolean cancelSeen;

    public LuaWorkflow(WorkerEnvironment env) {
        this.env = env;
    }

    @Override
    public Object execute(EncodedValues args) {
        StartInput input = StartInput.of(args);
        WorkflowInfo wi = Workflow.getInfo();
        LuaEntry entry = env.code().lua(input.entryId());
        if (entry == null) {
            // a task failure: Temporal retries the step, which goes on once the entry exists again
            throw new IllegalStateException("workflow entry " + input.entryId() + " does not exist");
        }
        WorkflowKinds kinds = id -> {
            var e = env.topology().entry(id);
            return e == null ? null : e.kind();
        };
        RunInfo info = new RunInfo(wi.getWorkflowId(), wi.getRunId(), wi.getWorkflowType(), input.entryId(),
                wi.getTaskQueue(), wi.getNamespace(), wi.getAttempt(),
                env.topology().pid(env.worker().id(), wi.getWorkflowId()));
        TemporalOperations ops = new TemporalOperations(info, inbox,
                new Commands(inbox, env.topology(), env.worker(), env.node(), info));
        WorkflowRun run = new WorkflowRun(env.node(), info, Encoded.unmap(input.context()), ops,
                new WorkflowRun.Code(entry, env.sandbox().get(), kinds, env.worker().logInReplay()));
        ops.attach(run.execution().scheduler());
        Workflow.registerListener((DynamicSignalHandler) (name, values) -> inbox.add(() -> run.route(
                signal(name, values))));
        CancellationScope root = CancellationScope.current();
        ExitResult[] outcome = new ExitResult[1];
        // commands live in a scope of their own: a cancel request is an event for the code (spec 05 §3.10), it
        // does not cancel the run's timers and activities as Temporal's root scope would
        Workflow.newDetachedCancellationScope(() -> outcome[0] = drive(run, ops, input, root)).run();
        ExitResult r = outcome[0];
        if (r.isAbnormal()) {
            throw Failures.toFailure(r.error());
        }
        return Outcomes.encode(r);
    }

    private ExitResult drive(WorkflowRun run, TemporalOperations ops, StartInput input, CancellationScope root) {
        long timeout = env.worker().deadlockTimeout().toNanos();
        List<Object> startup = new ArrayList<>(Outcomes.decodeMessages(input.messages()));
        try {
            ops.beginStep();
            check(run.start(DurableCodec.decodeAll(input.args()), timeout), run);
            List<Runnable> first = inbox.drain();
            Runnable apply = () -> {
                if (!startup.isEmpty()) {
                    run.route(startup);
                }
                first.forEach(Runnable::run);
            };
            while (true) {
                check(run.atQuiescentPoint(apply, timeout), run);
                ops.issueRequests();
                if (run.outcome() != null) {
                    return run.outcome();
                }
                Workflow.await(() -> !inbox.isEmpty() || root.isCancelRequested() && !cancelSeen);
                if (root.isCancelRequested() && !cancelSeen) {
                    cancelSeen = true;
                    inbox.add(() -> run.route(List.of(new Event(Event.CANCEL, null, null,
                            root.getCancellationReason()))));
                }
                ops.beginStep();
                List<Runnable> items = inbox.drain();
                apply = () -> items.forEach(Runnable::run);
            }
        } finally {
            if (run.outcome() == null) {
                // evicted, failed or replaced: no code of this run may go on behind Temporal's back
                run.stop();
                run.awaitStopped();
            }
        }
    }

    /** A step that computed too long without blocking fails the workflow task, which Temporal retries. */
    private void check(boolean inTime, WorkflowRun run) {
        if (!inTime) {
            throw new IllegalStateException("deadlock: workflow " + run.execution().pid() + " ran Lua code for more"
                    + " than " + env.worker().deadlockTimeout().toMillis() + "ms without blocking");
        }
    }

    /** A signal as the code receives it: a message, startup messages, or for a cancel request a CANCEL event. */
    private List<?> signal(String name, EncodedValues values) {
        String from = values.getSize() > 0 ? values.get(0, String.class) : null;
        byte[] payload = values.getSize() > 1 ? values.get(1, byte[].class) : null;
        if (name.equals(STARTUP_SIGNAL)) {
            return Outcomes.decodeMessages(payload);
        }
        if (name.equals(CANCEL_SIGNAL)) {
            if (cancelSeen) {
                // a run gets one CANCEL event however often it is asked (spec 05 G13)
                return List.of();
            }
            cancelSeen = true;
            return List.of(new Event(Event.CANCEL, from, null, payload == null || payload.length == 0 ? null
                    : new String(payload, StandardCharsets.UTF_8)));
        }
        return List.of(new Message(name, from, new Payload(payload == null ? null : DurableCodec.decode(payload))));
    }
}
