package dev.wippy.workflow.core;

import dev.wippy.runtime.sched.Fiber;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.time.TimeHost;

import java.time.Instant;

/**
 * Time inside a workflow (spec 05 §4.2): {@code time.now()} is the step's timestamp, a sleep or a timer is a durable
 * timer of the provider, fired at a quiescent point; a cancelled timer records its cancellation.
 */
final class WorkflowTimeHost implements TimeHost {
    private final RunGuard guard;
    private final Scheduler scheduler;

    WorkflowTimeHost(RunGuard guard, Scheduler scheduler) {
        this.guard = guard;
        this.scheduler = scheduler;
    }

    @Override
    public Instant now() {
        return guard.ops().now();
    }

    @Override
    public void sleep(long nanos) {
        Fiber self = scheduler.current();
        boolean[] fired = new boolean[1];
        scheduler.lock.lock();
        try {
            guard.ops().startTimer(nanos, () -> {
                fired[0] = true;
                scheduler.wake(self);
            });
            scheduler.await(self, () -> fired[0]);
        } finally {
            scheduler.lock.unlock();
        }
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable action) {
        Operations.Pending timer = guard.ops().startTimer(delayNanos, action);
        return () -> {
            if (!guard.isOver()) {
                timer.cancel();
            }
        };
    }
}
