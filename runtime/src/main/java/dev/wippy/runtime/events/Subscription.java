package dev.wippy.runtime.events;

import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.sched.Scheduler;

/**
 * An execution's subscription to the bus and the Lua {@code Subscription} object for it (spec 03 §3.11). Matching
 * events arrive on a runtime channel of the execution; while {@value #BUFFER} of them wait unreceived, newer ones
 * are dropped for this subscriber, so a slow subscriber cannot make the node hold an unbounded backlog. It ends
 * when closed or when its execution ends.
 */
final class Subscription extends LuaUserdata {
    static final int BUFFER = 64;

    private final EventBus bus;
    private final Execution owner;
    private final EventPattern system;
    private final EventPattern kind;
    private final Scheduler scheduler;
    private final Channel channel;
    private final Runnable endWithOwner = this::close;
    /** Guarded by the owner's scheduler lock, like the channel. */
    private boolean closed;

    private Subscription(EventBus bus, Execution owner, EventPattern system, EventPattern kind) {
        super(EventsModule.SUBSCRIPTION_META);
        this.bus = bus;
        this.owner = owner;
        this.system = system;
        this.kind = kind;
        this.scheduler = owner.scheduler();
        this.channel = Channel.runtimeFed(scheduler);
    }

    /** Subscribes {@code owner}; an owner that has already ended gets a closed subscription. */
    static Subscription open(EventBus bus, Execution owner, EventPattern system, EventPattern kind) {
        Subscription s = new Subscription(bus, owner, system, kind);
        bus.add(s);
        owner.onExit(s.endWithOwner);
        return s;
    }

    Channel channel() {
        return channel;
    }

    boolean matches(BusEvent e) {
        return system.matches(e.system()) && kind.matches(e.kind());
    }

    /** Called on the publisher's thread. */
    void offer(BusEvent e) {
        scheduler.lock.lock();
        try {
            if (!closed && channel.bufferedLocked() < BUFFER) {
                channel.deliverLocked(e.toLua());
            }
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** Unsubscribes and closes the channel; idempotent. */
    void close() {
        scheduler.lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            channel.closeLocked();
        } finally {
            scheduler.lock.unlock();
        }
        bus.remove(this);
        owner.removeExitHook(endWithOwner);
    }
}
