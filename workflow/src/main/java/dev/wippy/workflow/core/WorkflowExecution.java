package dev.wippy.workflow.core;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessActions;
import dev.wippy.runtime.sched.Scheduler;

import java.util.Map;

/**
 * The execution a workflow run's Lua state belongs to: a PID, inbox, events and listeners like a process, but its
 * {@code process} functions are recorded through the run's operations (spec 05 §4.3) and it lives outside the
 * node's table of executions. Its scheduler picks the first ready case of a {@code select}.
 */
public final class WorkflowExecution extends Execution {
    private final RunGuard guard;
    private final WorkflowActions actions;

    WorkflowExecution(Node node, RunInfo info, Map<String, Object> context, RunGuard guard, WorkflowKinds kinds) {
        super(node, info.pid(), info.entryId(), new Scheduler(null), context);
        scheduler.chooseFirstReadyCase();
        this.guard = guard;
        this.actions = new WorkflowActions(guard, kinds);
    }

    @Override
    public ProcessActions actions() {
        return actions;
    }

    WorkflowActions workflowActions() {
        return actions;
    }

    RunGuard guard() {
        return guard;
    }

    /** A failure that ends the run (an uncaught error in a coroutine): nothing more is recorded on the way out. */
    @Override
    public void terminate(ErrorObject error) {
        guard.close();
        super.terminate(error);
    }

    /** A cancellation request does not cancel a workflow's activities (spec 05 §3.10): it is only an event. */
    @Override
    public void onCancel(Runnable hook) {
    }

    /** Ends the execution in memory: its fibers stop, its timers and futures are released. */
    void dispose(ExitResult result) {
        exit(result);
    }
}
