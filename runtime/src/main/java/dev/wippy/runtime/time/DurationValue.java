package dev.wippy.runtime.time;

import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.values.Transferable;

/**
 * A Lua {@code Duration} (spec 02 §5.3): signed 64-bit nanoseconds. Immutable, so it crosses process boundaries as
 * it is (spec 02 §1.5).
 */
public final class DurationValue extends LuaUserdata implements Transferable {
    private final long nanos;

    public DurationValue(long nanos) {
        super(DurationMethods.META);
        this.nanos = nanos;
    }

    public long nanos() {
        return nanos;
    }

    /**
     * The nanoseconds of a duration argument: an integer (nanoseconds), a float (truncated toward zero), a
     * duration string or a Duration.
     *
     * @throws DurationText.InvalidDuration for anything else
     */
    static long nanosOf(Object v) {
        return switch (v) {
            case DurationValue d -> d.nanos;
            case Long l -> l;
            case Double d when d >= -0x1p63 && d < 0x1p63 -> (long) (double) d;
            case Double d -> throw new DurationText.InvalidDuration("time: invalid duration " + LuaNumbers.toString(d));
            case LuaString s -> DurationText.parse(s.toString());
            default -> throw new DurationText.InvalidDuration("time: duration expected, got " + Interop.typeName(v));
        };
    }

    @Override
    public String toString() {
        return DurationText.format(nanos);
    }
}
