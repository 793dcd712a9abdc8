package dev.wippy.runtime.sched;

import java.util.concurrent.Semaphore;

/**
 * The workers of a {@code process.host}: how many of its executions may run Lua code at once. An execution holds a
 * slot while one of its fibers runs and gives it back when all of them are blocked; a long-running execution gives
 * it up at a checkpoint after a time slice when others are waiting (see {@link Scheduler#checkpoint()}), so that a
 * busy loop cannot starve the host.
 */
public final class HostSlots {
    private final Semaphore permits;
    private final int workers;

    public HostSlots(int workers) {
        this.permits = new Semaphore(workers, true);
        this.workers = workers;
    }

    public int workers() {
        return workers;
    }

    /** Executions waiting for a slot (an estimate, for introspection). */
    public int waiting() {
        return permits.getQueueLength();
    }

    void acquire() {
        permits.acquireUninterruptibly();
    }

    void release() {
        permits.release();
    }

    boolean hasWaiters() {
        return permits.hasQueuedThreads();
    }

    /** Number of free slots (for introspection and tests). */
    public int available() {
        return permits.availablePermits();
    }
}
