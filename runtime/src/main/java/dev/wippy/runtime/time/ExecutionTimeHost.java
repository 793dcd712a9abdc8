package dev.wippy.runtime.time;

import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.sched.Fiber;
import dev.wippy.runtime.sched.Scheduler;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time host of processes and functions: the wall clock, and waits on the node's timer thread. A sleep parks
 * only the calling fiber, so the execution's other coroutines run meanwhile. Everything still scheduled when the
 * execution exits is cancelled.
 */
final class ExecutionTimeHost implements TimeHost {
    private final Scheduler scheduler;
    private final ScheduledExecutorService timers;
    /** Actions not yet run; guarded by the scheduler's lock, like everything else of the execution. */
    private final Set<Pending> pending = new HashSet<>();
    private boolean closed;

    private ExecutionTimeHost(Scheduler scheduler, ScheduledExecutorService timers) {
        this.scheduler = scheduler;
        this.timers = timers;
    }

    /** A host for {@code e} whose timers end with it. */
    static ExecutionTimeHost attach(Execution e) {
        ExecutionTimeHost host = new ExecutionTimeHost(e.scheduler(), e.node().timers());
        e.onExit(host::close);
        return host;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleep(long nanos) {
        Fiber self = scheduler.current();
        boolean[] elapsed = new boolean[1];
        scheduler.lock.lock();
        try {
            Cancellable wakeUp = schedule(nanos, () -> {
                scheduler.lock.lock();
                try {
                    elapsed[0] = true;
                    scheduler.wake(self);
                } finally {
                    scheduler.lock.unlock();
                }
            });
            try {
                scheduler.await(self, () -> elapsed[0]);
            } finally {
                wakeUp.cancel();
            }
        } finally {
            scheduler.lock.unlock();
        }
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable action) {
        scheduler.lock.lock();
        try {
            if (closed) {
                return () -> { };
            }
            Pending p = new Pending(action);
            pending.add(p);
            p.future = timers.schedule(p, delayNanos, TimeUnit.NANOSECONDS);
            return p;
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** The execution exited: nothing of it may fire any more. */
    private void close() {
        scheduler.lock.lock();
        try {
            closed = true;
            for (Pending p : pending) {
                p.future.cancel(false);
            }
            pending.clear();
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** One scheduled action; it runs only if it is still pending when its time comes. */
    private final class Pending implements Runnable, Cancellable {
        private final Runnable action;
        private ScheduledFuture<?> future;

        Pending(Runnable action) {
            this.action = action;
        }

        @Override
        public void run() {
            boolean live;
            scheduler.lock.lock();
            try {
                live = pending.remove(this);
            } finally {
                scheduler.lock.unlock();
            }
            if (live) {
                action.run();
            }
        }

        @Override
        public void cancel() {
            scheduler.lock.lock();
            try {
                if (pending.remove(this)) {
                    future.cancel(false);
                }
            } finally {
                scheduler.lock.unlock();
            }
        }
    }
}
