package dev.wippy.workflow.core;

import dev.wippy.runtime.sched.Killed;

/**
 * The run's operations while the run is live. Once it is over (completed, failed, evicted) nothing the unwinding
 * Lua code does may reach the provider: cancelling a call on the way out must not record a command.
 */
final class RunGuard {
    private final Operations ops;
    private volatile boolean over;

    RunGuard(Operations ops) {
        this.ops = ops;
    }

    Operations ops() {
        if (over) {
            throw new Killed("workflow run is over", null);
        }
        return ops;
    }

    boolean isOver() {
        return over;
    }

    void close() {
        over = true;
    }
}
