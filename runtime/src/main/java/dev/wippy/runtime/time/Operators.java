package dev.wippy.runtime.time;

import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;

import java.util.function.LongSupplier;

/**
 * The operators Durations and Times share: {@code +} and {@code -} (Duration ± duration, Time ± duration,
 * Time − Time), and comparison of two values of the same type. The operand next to a Duration or Time may be any
 * duration argument ({@code t + "1h"}, {@code d + 5 * time.SECOND}).
 */
final class Operators {
    private Operators() {}

    /** Puts {@code __add}, {@code __sub}, {@code __eq}, {@code __lt} and {@code __le} into {@code meta}. */
    static void installShared(LuaTable meta) {
        meta.putStr(MetaNames.ADD, new JavaFunction("add", Operators::add));
        meta.putStr(MetaNames.SUB, new JavaFunction("sub", Operators::sub));
        meta.putStr(MetaNames.EQ, new JavaFunction("eq", (s, a) -> equal(a[0], a[1])));
        meta.putStr(MetaNames.LT, new JavaFunction("lt", (s, a) -> compare(s, a[0], a[1]) < 0));
        meta.putStr(MetaNames.LE, new JavaFunction("le", (s, a) -> compare(s, a[0], a[1]) <= 0));
    }

    private static Object add(LuaState s, Object[] a) {
        if (a[0] instanceof TimeValue t) {
            return t.plus(operand(a[1]));
        }
        if (a[1] instanceof TimeValue t) {
            return t.plus(operand(a[0]));
        }
        return new DurationValue(exact(() -> Math.addExact(operand(a[0]), operand(a[1]))));
    }

    private static Object sub(LuaState s, Object[] a) {
        if (a[0] instanceof TimeValue t) {
            return a[1] instanceof TimeValue u ? new DurationValue(t.since(u))
                    : t.plus(exact(() -> Math.negateExact(operand(a[1]))));
        }
        if (a[1] instanceof TimeValue) {
            throw LuaError.library("attempt to subtract a Time from a " + Interop.objTypeName(s, a[0]));
        }
        return new DurationValue(exact(() -> Math.subtractExact(operand(a[0]), operand(a[1]))));
    }

    private static boolean equal(Object x, Object y) {
        if (x instanceof DurationValue d && y instanceof DurationValue e) {
            return d.nanos() == e.nanos();
        }
        return x instanceof TimeValue t && y instanceof TimeValue u && t.instant().equals(u.instant());
    }

    private static int compare(LuaState s, Object x, Object y) {
        if (x instanceof DurationValue d && y instanceof DurationValue e) {
            return Long.compare(d.nanos(), e.nanos());
        }
        if (x instanceof TimeValue t && y instanceof TimeValue u) {
            return t.instant().compareTo(u.instant());
        }
        throw LuaError.library("attempt to compare " + Interop.objTypeName(s, x) + " with "
                + Interop.objTypeName(s, y));
    }

    /** A duration operand; raises for anything that is not a duration. */
    private static long operand(Object v) {
        try {
            return DurationValue.nanosOf(v);
        } catch (DurationText.InvalidDuration e) {
            throw LuaError.library(e.getMessage());
        }
    }

    /** Duration arithmetic raises on overflow instead of wrapping around. */
    static long exact(LongSupplier op) {
        try {
            return op.getAsLong();
        } catch (ArithmeticException e) {
            throw LuaError.library("time: duration out of range");
        }
    }
}
