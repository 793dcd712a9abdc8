package dev.wippy.runtime.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Runs the fibers of one execution (a process or a function invocation) one at a time. The fiber holding the baton
 * runs; when it blocks, the baton passes to the next fiber of an explicit FIFO ready queue, so the order of
 * execution within an execution is deterministic. Fibers woken by other threads (a message, a timer) join the
 * queue. While no fiber runs, the execution gives its slot on the host back ({@link HostSlots}).
 *
 * <p>{@link #lock} guards everything of the execution: fibers, channels, mailbox routing. External threads take it
 * to deliver values and wake fibers.
 */
public final class Scheduler {
    /** Guards the execution's fibers, channels and mailbox. */
    public final ReentrantLock lock = new ReentrantLock();

    private final HostSlots slots;
    private final ArrayDeque<Fiber> ready = new ArrayDeque<>(1);
    private final List<Fiber> fibers = new ArrayList<>(1);
    private volatile Fiber running;
    /** Whether the main fiber has begun: before that the execution has not blocked yet, though nothing runs. */
    private boolean started;
    private boolean holdsSlot;
    private volatile Killed killed;
    /** How to abort the blocking work fibers are doing off the baton ({@link #blocking}), for {@link #kill}. */
    private Set<Runnable> blockingCancels; // made on first use: most executions never block off the baton
    /** Called (lock held) just before the running fiber blocks: the execution routes pending messages. */
    private Runnable beforeBlock = () -> { };
    /** Called (lock held) when no fiber runs any more: all are blocked or done (a workflow's quiescent point). */
    private Runnable onIdle = () -> { };
    /** Whether {@code select} takes the first ready case rather than a random one (workflows, spec 05 §4.5). */
    private boolean firstReadyCase;
    private long sliceStart = System.nanoTime();
    /** How long Lua code runs before it lets other work on its host and carrier go first. */
    private static final long SLICE_NANOS = 10_000_000;

    public Scheduler(HostSlots slots) {
        this.slots = slots;
    }

    /** What a state's embedder data is when the state belongs to an execution with a scheduler. */
    public interface Owner {
        Scheduler scheduler();
    }

    /** The scheduler of the execution that owns {@code s}. */
    public static Scheduler of(dev.wippy.lua.vm.LuaState s) {
        if (s.embedderData() instanceof Owner o) {
            return o.scheduler();
        }
        throw dev.wippy.lua.vm.LuaError.library("no execution context");
    }

    public void onBeforeBlock(Runnable hook) {
        this.beforeBlock = hook;
    }

    public void onIdle(Runnable hook) {
        this.onIdle = hook;
    }

    /** Makes {@code select} take the ready case with the lowest index, so that replays choose alike. */
    public void chooseFirstReadyCase() {
        firstReadyCase = true;
    }

    public boolean choosesFirstReadyCase() {
        return firstReadyCase;
    }

    /** Makes the calling thread the execution's main fiber and waits for a host slot. */
    public Fiber startMain() {
        Fiber main = new Fiber(Thread.currentThread());
        lock.lock();
        try {
            fibers.add(main);
            running = main;
            started = true;
        } finally {
            lock.unlock();
        }
        acquireSlot();
        return main;
    }

    /** Queues a new fiber running {@code body}; it first runs when the current fiber blocks. */
    public Fiber spawn(Runnable body) {
        Fiber f = new Fiber(body);
        lock.lock();
        try {
            fibers.add(f);
            f.waiting = false;
            ready.add(f);
        } finally {
            lock.unlock();
        }
        return f;
    }

    /**
     * The running fiber. Only code of this execution calls this, and only one thing of an execution runs at a
     * time, so the caller acts for this fiber (possibly from a plain Lua coroutine's thread).
     */
    public Fiber current() {
        return running;
    }

    // ---------------------------------------------------------------- blocking

    /**
     * Blocks the running fiber {@code self} until {@code done} holds; other fibers run meanwhile. Must be called
     * with {@link #lock} held, after {@code self} registered with whatever will call {@link #wake}. Returns with
     * the lock held. Throws {@link Killed} when the execution ends while waiting.
     */
    public void await(Fiber self, BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            checkKilled();
            self.waiting = true;
            self.thread = Thread.currentThread();
            beforeBlock.run();
            if (!self.waiting || done.getAsBoolean()) {
                self.waiting = false;
                continue;
            }
            handOff();
            lock.unlock();
            try {
                waitForBaton(self);
            } finally {
                lock.lock();
            }
        }
        checkKilled();
    }

    /**
     * Blocks the running fiber until {@code future} completes (another execution's exit, a call's result); other
     * fibers run meanwhile. Throws {@link Killed} if the execution ends first.
     */
    public <T> T awaitFuture(java.util.concurrent.CompletableFuture<T> future) {
        Fiber self = current();
        lock.lock();
        try {
            future.whenComplete((v, t) -> {
                lock.lock();
                try {
                    wake(self);
                } finally {
                    lock.unlock();
                }
            });
            await(self, future::isDone);
        } finally {
            lock.unlock();
        }
        return future.join();
    }

    /** Work that blocks its thread (a JDBC call), run by {@link #blocking}. */
    @FunctionalInterface
    public interface BlockingWork<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work} on the calling fiber's own thread without holding the baton or the host slot: the
     * execution's other fibers and the host's other executions run meanwhile, as if the fiber were blocked on a
     * channel. Returns with the baton held again. If the execution is killed meanwhile, {@code cancel} is run (from
     * the killing thread) to cut the work short, and {@link Killed} is thrown once it has returned.
     */
    public <T, E extends Exception> T blocking(BlockingWork<T, E> work, Runnable cancel) throws E {
        Fiber self = current();
        lock.lock();
        try {
            checkKilled();
            self.waiting = true;
            self.thread = Thread.currentThread();
            beforeBlock.run();
            if (blockingCancels == null) {
                blockingCancels = new HashSet<>(2);
            }
            blockingCancels.add(cancel);
            handOff();
        } finally {
            lock.unlock();
        }
        try {
            return work.run();
        } finally {
            lock.lock();
            try {
                blockingCancels.remove(cancel);
                wake(self);
            } finally {
                lock.unlock();
            }
            waitForBaton(self);
            checkKilled();
        }
    }

    /**
     * Whether every fiber of the execution is blocked (lock held): it has started and nothing runs. Messages that
     * arrive then are routed at once; otherwise they wait until the running fiber blocks (spec 02 §2.9).
     */
    public boolean isBlocked() {
        return started && running == null;
    }

    /** Passes the baton to the next ready fiber, or gives the host slot back when none is ready. Lock held. */
    private void handOff() {
        Fiber next = ready.poll();
        running = next;
        if (next == null) {
            releaseSlot();
            onIdle.run();
        } else {
            resume(next);
        }
    }

    /** Makes a waiting fiber runnable (lock held). Safe to call for a fiber that is not waiting: it is a no-op. */
    public void wake(Fiber f) {
        if (!f.waiting) {
            return;
        }
        f.waiting = false;
        if (f == running) {
            return;
        }
        if (running == null) {
            running = f;
            resume(f);
        } else {
            ready.add(f);
        }
    }

    private void resume(Fiber f) {
        if (f.started()) {
            LockSupport.unpark(f.thread);
        } else {
            f.thread = Carriers.threads().newThread(() -> runFiber(f));
            f.thread.start();
        }
    }

    /** Parks until this fiber holds the baton, then makes sure the execution holds a host slot. */
    private void waitForBaton(Fiber self) {
        while (running != self) {
            LockSupport.park(this);
            checkKilled();
        }
        if (!holdsSlot) {
            acquireSlot();
            checkKilled();
        }
    }

    private void runFiber(Fiber f) {
        try {
            waitForBaton(f);
            f.body().run();
        } catch (Killed ignored) {
            // the execution ended; nothing of it runs any more
        } finally {
            lock.lock();
            try {
                fibers.remove(f);
                if (running == f) {
                    handOff();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    // ---------------------------------------------------------------- host slots and preemption

    private void acquireSlot() {
        if (slots != null) {
            slots.acquire();
        }
        holdsSlot = true;
        sliceStart = System.nanoTime();
    }

    private void releaseSlot() {
        if (holdsSlot) {
            holdsSlot = false;
            if (slots != null) {
                slots.release();
            }
        }
    }

    /**
     * Called from the running fiber's budget hook: ends the execution if it was killed, and gives the host slot to
     * waiting executions when this one has run for a whole time slice.
     */
    public void checkpoint() {
        checkKilled();
        long now = System.nanoTime();
        if (now - sliceStart <= SLICE_NANOS) {
            return;
        }
        if (slots != null && holdsSlot && slots.hasWaiters()) {
            slots.release();
            slots.acquire();
            checkKilled();
        }
        // other virtual threads queued on this carrier get their turn as well
        Thread.yield();
        sliceStart = System.nanoTime();
    }

    // ---------------------------------------------------------------- ending

    private void checkKilled() {
        Killed k = killed;
        if (k != null) {
            throw k;
        }
    }

    public boolean isKilled() {
        return killed != null;
    }

    /**
     * Stops every fiber of the execution: parked ones wake and unwind, a running one stops at its next checkpoint
     * or blocking call. Idempotent; the first reason wins.
     */
    public void kill(Killed reason) {
        List<Fiber> toWake;
        List<Runnable> cancels;
        lock.lock();
        try {
            if (killed != null) {
                return;
            }
            killed = reason;
            toWake = new ArrayList<>(fibers);
            cancels = blockingCancels == null ? List.of() : List.copyOf(blockingCancels);
        } finally {
            lock.unlock();
        }
        cancels.forEach(Runnable::run);
        for (Fiber f : toWake) {
            if (f.started()) {
                LockSupport.unpark(f.thread);
            }
        }
    }

    /** Called by the main fiber when the execution is over: releases the slot, abandons the other fibers. */
    public void finish(Killed abandon) {
        kill(abandon);
        lock.lock();
        try {
            running = null;
            releaseSlot();
        } finally {
            lock.unlock();
        }
    }
}
