package dev.wippy.workflow.core;

import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.funcs.CallHost;
import dev.wippy.runtime.lua.LogGate;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.lua.SideEffects;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.sched.Carriers;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.time.TimeHost;
import dev.wippy.runtime.values.Frozen;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The Lua side of one run: a fresh state whose host slots lead to the run's {@link Operations}, its main function
 * on a fiber of a deterministic scheduler, and the quiescent points between steps. The provider starts the run,
 * then at each quiescent point applies what arrived ({@link #atQuiescentPoint}) and waits for the next one.
 */
public final class WorkflowRun {
    private final Code code;
    private final WorkflowExecution execution;
    private final RunGuard guard;
    private final Scheduler scheduler;
    private final Condition quiet;
    private volatile ExitResult outcome;

    /** The code of a run and where its state comes from. */
    public record Code(LuaEntry entry, Sandbox sandbox, WorkflowKinds kinds, boolean logInReplay) {
    }

    public WorkflowRun(Node node, RunInfo info, Map<String, Object> context, Operations ops, Code code) {
        this.code = code;
        this.guard = new RunGuard(ops);
        this.execution = new WorkflowExecution(node, info, context, guard, code.kinds());
        this.scheduler = execution.scheduler();
        this.quiet = scheduler.lock.newCondition();
        scheduler.onIdle(quiet::signalAll);
    }

    public WorkflowExecution execution() {
        return execution;
    }

    /**
     * Starts the main function with {@code frozenArgs} and returns at its first quiescent point (or when it ended
     * first), within {@code timeoutNanos}.
     *
     * @return false when the code ran longer than the timeout without blocking (it is stopped then)
     */
    public boolean start(Object[] frozenArgs, long timeoutNanos) {
        Carriers.start(execution.pid(), () -> runMain(frozenArgs));
        return awaitQuiescence(timeoutNanos);
    }

    private void runMain(Object[] frozenArgs) {
        ExitResult result;
        try {
            scheduler.startMain();
            LuaState s = code.sandbox().newState(execution, code.entry());
            installHosts(s, code.logInReplay());
            execution.attachState(s);
            LuaFunction main = code.entry().mainFunction(s);
            result = returned(Interop.call(s, main, Frozen.thawAll(frozenArgs)));
        } catch (Throwable t) {
            result = ProcessExecution.failed(execution, t, "workflow run stopped");
        }
        finished(result);
    }

    private void installHosts(LuaState s, boolean logInReplay) {
        Operations ops = guard.ops();
        TimeHost.install(s, new WorkflowTimeHost(guard, scheduler));
        SideEffects.install(s, (kind, fresh) -> guard.ops().sideEffect(kind, fresh));
        CallHost.install(s, new WorkflowCallHost(guard));
        LogGate.install(s, () -> logInReplay || guard.isOver() || !guard.ops().replaying());
        // math.random is not recorded; seeded from the run ID so that every replay draws the same numbers
        UUID seed = UUID.nameUUIDFromBytes(ops.info().runId().getBytes(StandardCharsets.UTF_8));
        s.random().seed(seed.getMostSignificantBits(), seed.getLeastSignificantBits());
    }

    /**
     * How {@code main} ended (spec 05 §2.1): {@code v} completes; {@code v, e} with {@code e ~= nil} fails with
     * {@code e} (a non-error value wrapped as INTERNAL); a value that cannot be stored fails with INVALID.
     */
    private static ExitResult returned(Object[] r) {
        Object value = r.length > 0 ? r[0] : null;
        Object err = r.length > 1 ? r[1] : null;
        if (err != null) {
            return new ExitResult(null, err instanceof LuaString text
                    ? ErrorObject.of(ErrorObject.INTERNAL, text.toString(), null, null)
                    : ProcessExecution.errorOf(err));
        }
        try {
            Object frozen = Frozen.freeze(value);
            DurableCodec.encode(frozen);
            return new ExitResult(frozen, null);
        } catch (Frozen.NotTransferable e) {
            return new ExitResult(null, ErrorObject.of(ErrorObject.INVALID, "workflow result: " + e.getMessage(),
                    false, null));
        }
    }

    private void finished(ExitResult result) {
        scheduler.lock.lock();
        try {
            guard.close();
            outcome = result;
            quiet.signalAll();
        } finally {
            scheduler.lock.unlock();
        }
        execution.dispose(result);
    }

    /**
     * Applies what arrived at a quiescent point ({@code apply} runs with the scheduler lock held: completion
     * callbacks, {@link #route} of signals and events), then lets the code run to its next quiescent point.
     *
     * @return false when the code ran longer than {@code timeoutNanos} without blocking
     */
    public boolean atQuiescentPoint(Runnable apply, long timeoutNanos) {
        scheduler.lock.lock();
        try {
            if (outcome == null) {
                apply.run();
            }
        } finally {
            scheduler.lock.unlock();
        }
        return awaitQuiescence(timeoutNanos);
    }

    /** Routes messages and events to the code's channels now, in order (call inside {@link #atQuiescentPoint}). */
    public void route(List<?> items) {
        execution.routeNow(items);
    }

    /** Waits until no fiber can run or the main function has ended; false (and the run stopped) on timeout. */
    private boolean awaitQuiescence(long timeoutNanos) {
        long left = timeoutNanos;
        scheduler.lock.lock();
        try {
            while (outcome == null && !(scheduler.isBlocked() && !scheduler.isKilled())) {
                if (left <= 0) {
                    break;
                }
                left = quiet.awaitNanos(left);
            }
            if (outcome == null && !scheduler.isBlocked()) {
                stop();
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return false;
        } finally {
            scheduler.lock.unlock();
        }
        return true;
    }

    /** The main function's outcome once it has ended (or the run failed), else null. */
    public ExitResult outcome() {
        return outcome;
    }

    /** Stops the code wherever it is: the run is evicted from memory or has failed. Idempotent. */
    public void stop() {
        guard.close();
        scheduler.kill(new Killed("workflow run evicted", null));
    }

    /** Waits (briefly) for the main fiber to unwind after {@link #stop}, so no code of the run still executes. */
    public void awaitStopped() {
        scheduler.lock.lock();
        try {
            long left = TimeUnit.SECONDS.toNanos(5);
            while (outcome == null && left > 0) {
                left = quiet.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scheduler.lock.unlock();
        }
    }
}
