package dev.wippy.runtime.time;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.sched.Scheduler;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * The {@code time} module table (spec 02 §5.2, §5.7). Pure functions work anywhere; {@code now}, {@code sleep},
 * {@code after}, {@code timer} and {@code ticker} go through the state's {@link TimeHost}.
 */
public final class TimeModule {
    /** The shared, read-only module table: {@code require("time")} returns this same object everywhere. */
    public static final LuaTable TABLE = table();
    public static final ModuleProvider PROVIDER = s -> TABLE;

    private TimeModule() {}

    private static LuaTable table() {
        LuaTable t = new LuaTable();
        fn(t, "now", (s, a) -> new TimeValue(TimeHost.of(s).now(), Location.LOCAL));
        fn(t, "date", TimeModule::date);
        fn(t, "unix", TimeModule::unix);
        fn(t, "parse", TimeModule::parse);
        fn(t, "parse_duration", (s, a) -> {
            try {
                return new DurationValue(DurationValue.nanosOf(Args.arg(a, 0)));
            } catch (DurationText.InvalidDuration e) {
                return Bindings.invalid(e.getMessage());
            }
        });
        fn(t, "load_location", TimeModule::loadLocation);
        fn(t, "fixed_zone", TimeModule::fixedZone);
        fn(t, "sleep", TimeModule::sleep);
        fn(t, "after", TimeModule::after);
        fn(t, "timer", (s, a) -> periodic(s, a, "timer", TimerValue::start));
        fn(t, "ticker", (s, a) -> periodic(s, a, "ticker", TickerValue::start));
        t.putStr(LuaString.of("utc"), Location.UTC);
        t.putStr(LuaString.of("localtz"), Location.LOCAL);
        TimeConstants.addTo(t);
        return t.freeze();
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.putStr(LuaString.of(name), new JavaFunction("time." + name, body));
    }

    /** {@code time.date(year, month, day, hour, min, sec, nsec [, loc])}, fields normalized. */
    private static Object date(LuaState s, Object[] a) {
        long[] f = new long[7];
        for (int i = 0; i < f.length; i++) {
            f[i] = Args.checkInteger(s, a, i);
        }
        Location loc = Args.isNoneOrNil(a, 7) ? Location.LOCAL : Bindings.check(s, a, 7, Location.class, "Location");
        try {
            return new TimeValue(Dates.instant(f[0], f[1], f[2], f[3], f[4], f[5], f[6], loc), loc);
        } catch (DateTimeException | ArithmeticException e) {
            throw LuaError.library("time: date out of range");
        }
    }

    /** {@code time.unix(sec, nsec)}: nanoseconds outside [0, 1e9) carry into the seconds. */
    private static Object unix(LuaState s, Object[] a) {
        long sec = Args.checkInteger(s, a, 0);
        long nsec = Args.checkInteger(s, a, 1);
        try {
            return new TimeValue(Instant.ofEpochSecond(sec, nsec), Location.LOCAL);
        } catch (DateTimeException | ArithmeticException e) {
            throw LuaError.library("time: time out of range");
        }
    }

    /**
     * {@code time.parse(layout, value [, loc])}. Without {@code loc} a value without zone is UTC and offsets are
     * matched against the local zone; with it, both use {@code loc}.
     */
    private static Object parse(LuaState s, Object[] a) {
        String layout = Args.checkString(s, a, 0).toString();
        String value = Args.checkString(s, a, 1).toString();
        boolean hasLoc = !Args.isNoneOrNil(a, 2);
        Location loc = hasLoc ? Bindings.check(s, a, 2, Location.class, "Location") : null;
        try {
            return LayoutParser.parse(layout, value, hasLoc ? loc : Location.UTC, hasLoc ? loc : Location.LOCAL);
        } catch (LayoutParser.ParseFailure e) {
            return Bindings.invalid(e.getMessage());
        }
    }

    private static Object loadLocation(LuaState s, Object[] a) {
        String name = Args.checkString(s, a, 0).toString();
        if (name.isEmpty()) {
            return Bindings.invalid("time: empty location name");
        }
        Location loc = Location.named(name);
        return loc != null ? loc : Bindings.fail(ErrorObject.NOT_FOUND, "time: location not found: " + name);
    }

    private static Object fixedZone(LuaState s, Object[] a) {
        String name = Args.checkString(s, a, 0).toString();
        long offset = Args.checkInteger(s, a, 1);
        try {
            return Location.fixed(name, Math.toIntExact(offset));
        } catch (DateTimeException | ArithmeticException e) {
            throw Args.error(1, "offset must be within 18 hours of UTC");
        }
    }

    /** {@code time.sleep(d)}: returns at once for d ≤ 0, and {@code nil, err} for an invalid d. */
    private static Object sleep(LuaState s, Object[] a) {
        long nanos;
        try {
            nanos = DurationValue.nanosOf(Args.arg(a, 0));
        } catch (DurationText.InvalidDuration e) {
            return Bindings.invalid(e.getMessage());
        }
        if (nanos > 0) {
            TimeHost.of(s).sleep(nanos);
        }
        return Multi.EMPTY;
    }

    /** {@code time.after(d)}: a channel that receives one Time after d (at once for d ≤ 0). */
    private static Object after(LuaState s, Object[] a) {
        long nanos;
        try {
            nanos = DurationValue.nanosOf(Args.arg(a, 0));
        } catch (DurationText.InvalidDuration e) {
            return Bindings.invalid(e.getMessage());
        }
        TimeHost host = TimeHost.of(s);
        Channel ch = Channel.runtimeFed(Scheduler.of(s));
        Runnable fire = () -> ch.deliver(new TimeValue(host.now(), Location.LOCAL));
        if (nanos <= 0) {
            fire.run();
        } else {
            host.schedule(nanos, fire);
        }
        return ch;
    }

    /** How a timer or ticker starts. */
    @FunctionalInterface
    private interface Starter {
        Object start(LuaState s, TimeHost host, long nanos);
    }

    /** {@code time.timer(d)} / {@code time.ticker(d)}: d must be a valid, positive duration. */
    private static Object periodic(LuaState s, Object[] a, String what, Starter starter) {
        long nanos;
        try {
            nanos = DurationValue.nanosOf(Args.arg(a, 0));
        } catch (DurationText.InvalidDuration e) {
            return Bindings.invalid(e.getMessage());
        }
        if (nanos <= 0) {
            return Bindings.invalid("time: non-positive interval for " + what);
        }
        return starter.start(s, TimeHost.of(s), nanos);
    }
}
