package dev.wippy.runtime.time;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.sched.Scheduler;

/**
 * A Lua {@code Timer} (spec 02 §5.6): one Time on its channel when it fires. Stopping or re-arming discards a value
 * that nobody has received yet, so no stale value is ever seen afterwards. State is guarded by the execution's
 * scheduler lock, which also guards the channel.
 */
final class TimerValue extends LuaUserdata {
    static final LuaTable META = metatable();

    private final TimeHost host;
    private final Scheduler scheduler;
    private final Channel channel;
    /** True from arming until the value is delivered or the timer is stopped. */
    private boolean armed;
    private TimeHost.Cancellable pending;
    /** Identifies the current arming, so that a firing that raced with stop or reset delivers nothing. */
    private long generation;

    private TimerValue(TimeHost host, Scheduler scheduler) {
        super(META);
        this.host = host;
        this.scheduler = scheduler;
        this.channel = Channel.runtimeFed(scheduler);
    }

    /** A timer of the execution running {@code s} that fires {@code nanos} (> 0) from now. */
    static TimerValue start(LuaState s, TimeHost host, long nanos) {
        TimerValue t = new TimerValue(host, Scheduler.of(s));
        t.scheduler.lock.lock();
        try {
            t.arm(nanos);
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
        method(m, "reset", (s, t, a) -> {
            long nanos;
            try {
                nanos = DurationValue.nanosOf(a.length > 1 ? a[1] : null);
            } catch (DurationText.InvalidDuration e) {
                return Bindings.invalid(e.getMessage());
            }
            return t.reset(nanos);
        });
        return Methods.metatable("Timer", m).freeze();
    }

    private static void method(LuaTable t, String name, Methods.Body<TimerValue> body) {
        Methods.add(t, name, TimerValue.class, "Timer", body);
    }

    /** Lock held. A delay ≤ 0 fires at once. */
    private void arm(long nanos) {
        long g = ++generation;
        armed = true;
        if (nanos <= 0) {
            fire(g);
            return;
        }
        TimeHost.Cancellable c = host.schedule(nanos, () -> fire(g));
        if (armed && generation == g) {
            pending = c;
        }
    }

    private void fire(long g) {
        scheduler.lock.lock();
        try {
            if (!armed || generation != g) {
                return;
            }
            armed = false;
            pending = null;
            channel.deliverLocked(new TimeValue(host.now(), Location.LOCAL));
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** True if the value had not reached a receiver yet: the pending firing, or a value waiting in the channel. */
    private boolean stop() {
        scheduler.lock.lock();
        try {
            return disarm();
        } finally {
            scheduler.lock.unlock();
        }
    }

    private boolean reset(long nanos) {
        scheduler.lock.lock();
        try {
            boolean undelivered = disarm();
            arm(nanos);
            return undelivered;
        } finally {
            scheduler.lock.unlock();
        }
    }

    private boolean disarm() {
        generation++;
        if (armed) {
            armed = false;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            return true;
        }
        boolean unreceived = channel.bufferedLocked() > 0;
        channel.clearLocked();
        return unreceived;
    }
}
