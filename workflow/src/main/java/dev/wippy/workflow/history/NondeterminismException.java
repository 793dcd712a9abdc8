package dev.wippy.workflow.history;

import dev.wippy.workflow.core.RunInfo;

/**
 * The code of a run no longer does what its history recorded (spec 05 §6 G10), or a step could not finish (a
 * deadlock): the step must not commit, and the run stays open and blocked.
 */
public final class NondeterminismException extends RuntimeException {
    private final RunInfo run;

    public NondeterminismException(RunInfo run, String detail) {
        super("nondeterministic workflow " + run.workflowId() + " run " + run.runId() + ": " + detail);
        this.run = run;
    }

    public RunInfo run() {
        return run;
    }
}
