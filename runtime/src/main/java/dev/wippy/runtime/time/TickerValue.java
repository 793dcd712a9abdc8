package dev.wippy.runtime.time;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.sched.Scheduler;

/**
 * A Lua {@code Ticker} (spec 02 §5.6): a Time on its channel every interval. The channel holds one tick; a tick
 * that finds it full is dropped, so a slow reader never builds a backlog. Ticks keep to the original schedule
 * instead of drifting by the time each delivery takes. State is guarded by the execution's scheduler lock.
 */
final class TickerValue extends LuaUserdata {
    static final LuaTable META = metatable();

    private final TimeHost host;
    private final Scheduler scheduler;
    private final Channel channel;
    private final long interval;
    /** {@link System#nanoTime} of the next tick. */
    private long deadline;
    private boolean stopped;
    private TimeHost.Cancellable pending;

    private TickerValue(TimeHost host, Scheduler scheduler, long interval) {
        super(META);
        this.host = host;
        this.scheduler = scheduler;
        this.channel = Channel.runtimeFed(scheduler);
        this.interval = interval;
    }

    /** A ticker of the execution running {@code s} ticking every {@code interval} (> 0) nanoseconds. */
    static TickerValue start(LuaState s, TimeHost host, long interval) {
        TickerValue t = new TickerValue(host, Scheduler.of(s), interval);
        t.scheduler.lock.lock();
        try {
            t.deadline = System.nanoTime() + interval;
            t.pending = host.schedule(interval, t::tick);
        } finally {
            t.scheduler.lock.unlock();
        }
        return t;
    }

    private static LuaTable metatable() {
        LuaTable m = new LuaTable();
        method(m, "response", (s, t, a) -> t.channel);
        method(m, "channel", (s, t, a) -> t.channel);
        method(m, "stop", (s, t, a) -> t.stop());
        return Methods.metatable("Ticker", m).freeze();
    }

    private static void method(LuaTable t, String name, Methods.Body<TickerValue> body) {
        Methods.add(t, name, TickerValue.class, "Ticker", body);
    }

    private void tick() {
        scheduler.lock.lock();
        try {
            if (stopped) {
                return;
            }
            if (channel.bufferedLocked() == 0) {
                channel.deliverLocked(new TimeValue(host.now(), Location.LOCAL));
            }
            long now = System.nanoTime();
            deadline += interval;
            if (deadline - now <= 0) {
                // the timer thread fell behind: skip the ticks already missed
                deadline += ((now - deadline) / interval + 1) * interval;
            }
            pending = host.schedule(deadline - now, this::tick);
        } finally {
            scheduler.lock.unlock();
        }
    }

    private boolean stop() {
        scheduler.lock.lock();
        try {
            stopped = true;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            return true;
        } finally {
            scheduler.lock.unlock();
        }
    }
}
