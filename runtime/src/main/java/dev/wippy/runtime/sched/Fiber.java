package dev.wippy.runtime.sched;

/**
 * A scheduler-managed coroutine of one execution: its main function, or a function started with
 * {@code coroutine.spawn}. Each runs on its own virtual thread, but only the fiber holding the scheduler's baton
 * runs; the others are parked.
 */
public final class Fiber {
    private final Runnable body;
    /**
     * The thread acting for this fiber: its own, or the thread of a plain Lua coroutine it resumed (a coroutine
     * that blocks blocks the whole fiber, spec 02 §4.2). Recorded when the fiber blocks.
     */
    Thread thread;
    /** True while the fiber waits for something (a channel, a timer, a call) to wake it. */
    boolean waiting;

    Fiber(Runnable body) {
        this.body = body;
    }

    /** The main fiber: runs on the thread that creates the execution. */
    Fiber(Thread current) {
        this.body = null;
        this.thread = current;
    }

    Runnable body() {
        return body;
    }

    boolean started() {
        return thread != null;
    }
}
