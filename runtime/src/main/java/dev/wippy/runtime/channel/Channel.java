package dev.wippy.runtime.channel;

import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.sched.Fiber;
import dev.wippy.runtime.sched.Scheduler;

import java.util.ArrayDeque;

/**
 * A channel between the fibers of one execution (spec 02 §3), with Go semantics: unbuffered channels hand values
 * over directly, buffered ones block senders while full, closing wakes everyone. Runtime channels (inbox, events,
 * listeners, timers) are unbounded, fed only by the runtime, and refuse Lua {@code send}/{@code close}.
 *
 * <p>All state is guarded by the owning execution's scheduler lock.
 */
public final class Channel extends LuaUserdata {
    private static final int UNBOUNDED = -1;

    private final Scheduler scheduler;
    private final int capacity;
    private final boolean runtimeFed;
    // made on first use and small: an idle process's inbox only ever has a waiting receiver
    private ArrayDeque<Object> buffer;
    private ArrayDeque<Waiter.Pending> receivers;
    private ArrayDeque<Waiter.Pending> senders;
    private boolean closed;

    private Channel(Scheduler scheduler, int capacity, boolean runtimeFed) {
        super(ChannelModule.CHANNEL_META);
        this.scheduler = scheduler;
        this.capacity = capacity;
        this.runtimeFed = runtimeFed;
    }

    /** A channel made by {@code channel.new(size)}. */
    public static Channel create(Scheduler scheduler, int capacity) {
        return new Channel(scheduler, capacity, false);
    }

    /** An unbounded channel fed by the runtime (inbox, events, listeners, timers). */
    public static Channel runtimeFed(Scheduler scheduler) {
        return new Channel(scheduler, UNBOUNDED, true);
    }

    Scheduler scheduler() {
        return scheduler;
    }

    // ---------------------------------------------------------------- runtime side

    /** Delivers a value to a runtime-fed channel from any thread; never blocks. */
    public void deliver(Object value) {
        scheduler.lock.lock();
        try {
            if (!closed) {
                offer(value);
            }
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** Delivers with the lock already held (the execution routing its own mailbox). */
    public void deliverLocked(Object value) {
        offer(value);
    }

    /** Values waiting to be received (lock held): a timer's one-value slot is taken while this is not zero. */
    public int bufferedLocked() {
        return buffer == null ? 0 : buffer.size();
    }

    /** Discards buffered values (an unsubscribed listener, a stopped timer). */
    public void clearLocked() {
        if (buffer != null) {
            buffer.clear();
        }
    }

    /** Closes a runtime channel whose feed has ended (a closed event subscription): receivers get nil, false. */
    public void closeLocked() {
        close();
    }

    // ---------------------------------------------------------------- Lua operations (lock held)

    /** Whether {@link #trySend} or {@link #tryReceive} can complete now. */
    boolean canReceive() {
        return bufferedLocked() > 0 || firstLive(senders) != null || closed;
    }

    boolean canSend() {
        return closed || firstLive(receivers) != null || (capacity == UNBOUNDED || bufferedLocked() < capacity);
    }

    void checkLuaWritable(String what) {
        if (runtimeFed) {
            throw LuaError.library("cannot " + what + " a runtime channel");
        }
    }

    /** Performs a ready send; raises when the channel is closed. */
    void trySend(Object value) {
        if (closed) {
            throw LuaError.library("send on closed channel");
        }
        offer(value);
    }

    private void offer(Object value) {
        Waiter.Pending r = pollLive(receivers);
        if (r != null) {
            complete(r, value, true);
            return;
        }
        if (buffer == null) {
            buffer = new ArrayDeque<>(1);
        }
        buffer.add(value);
    }

    /** Performs a ready receive: {value, ok}. */
    Object[] tryReceive() {
        if (bufferedLocked() > 0) {
            Object v = buffer.poll();
            Waiter.Pending s = pollLive(senders);
            if (s != null) {
                buffer.add(s.sendValue());
                complete(s, null, true);
            }
            return new Object[] {v, Boolean.TRUE};
        }
        Waiter.Pending s = pollLive(senders);
        if (s != null) {
            complete(s, null, true);
            return new Object[] {s.sendValue(), Boolean.TRUE};
        }
        return new Object[] {null, Boolean.FALSE};
    }

    void addReceiver(Waiter.Pending p) {
        if (receivers == null) {
            receivers = new ArrayDeque<>(1);
        }
        receivers.add(p);
    }

    void addSender(Waiter.Pending p) {
        if (senders == null) {
            senders = new ArrayDeque<>(1);
        }
        senders.add(p);
    }

    void removeWaiter(Waiter w) {
        if (receivers != null) {
            receivers.removeIf(p -> p.waiter() == w);
        }
        if (senders != null) {
            senders.removeIf(p -> p.waiter() == w);
        }
    }

    /** Closes: buffered values stay receivable, waiting receivers get {nil, false}, waiting senders raise. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        Waiter.Pending p;
        while ((p = pollLive(receivers)) != null) {
            complete(p, null, false);
        }
        while ((p = pollLive(senders)) != null) {
            p.waiter().closed = true;
            complete(p, null, false);
        }
    }

    boolean isClosed() {
        return closed;
    }

    private static Waiter.Pending firstLive(ArrayDeque<Waiter.Pending> q) {
        if (q == null) {
            return null;
        }
        while (!q.isEmpty() && q.peek().waiter().done) {
            q.poll();
        }
        return q.peek();
    }

    private static Waiter.Pending pollLive(ArrayDeque<Waiter.Pending> q) {
        Waiter.Pending p = firstLive(q);
        if (p != null) {
            q.poll();
        }
        return p;
    }

    private void complete(Waiter.Pending p, Object value, boolean ok) {
        Waiter w = p.waiter();
        w.done = true;
        w.firedCase = p.caseIndex();
        w.value = value;
        w.ok = ok;
        scheduler.wake(w.fiber);
    }

    /** Blocks the current fiber on a single receive. */
    Object[] receive() {
        scheduler.lock.lock();
        try {
            if (canReceive()) {
                return tryReceive();
            }
            Fiber self = scheduler.current();
            Waiter w = new Waiter(self);
            addReceiver(new Waiter.Pending(w, 0, null));
            scheduler.await(self, () -> w.done);
            return new Object[] {w.value, w.ok};
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** Blocks the current fiber until the value is taken (unbuffered) or buffered. */
    void send(Object value) {
        checkLuaWritable("send on");
        scheduler.lock.lock();
        try {
            if (canSend()) {
                trySend(value);
                return;
            }
            Fiber self = scheduler.current();
            Waiter w = new Waiter(self);
            addSender(new Waiter.Pending(w, 0, value));
            scheduler.await(self, () -> w.done);
            if (w.closed) {
                throw LuaError.library("send on closed channel");
            }
        } finally {
            scheduler.lock.unlock();
        }
    }

    void closeFromLua() {
        checkLuaWritable("close");
        scheduler.lock.lock();
        try {
            close();
        } finally {
            scheduler.lock.unlock();
        }
    }
}
