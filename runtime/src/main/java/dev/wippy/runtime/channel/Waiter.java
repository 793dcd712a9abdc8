package dev.wippy.runtime.channel;

import dev.wippy.runtime.sched.Fiber;

/**
 * A blocked channel operation: one fiber waiting on one or several cases (a select). Completed once, by whichever
 * case fires first; stale registrations in other channels are skipped.
 */
final class Waiter {
    final Fiber fiber;
    boolean done;
    int firedCase = -1;
    Object value;
    boolean ok;
    /** A send case whose channel was closed while waiting. */
    boolean closed;

    Waiter(Fiber fiber) {
        this.fiber = fiber;
    }

    /** A registration of this waiter in one channel's queue. */
    record Pending(Waiter waiter, int caseIndex, Object sendValue) {}
}
