package dev.wippy.runtime.time;

import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.runtime.lua.Methods;

/** The methods and operators of Lua {@code Duration} values (spec 02 §5.3). */
final class DurationMethods {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    static final LuaTable META = metatable();

    private DurationMethods() {}

    private static LuaTable metatable() {
        LuaTable m = new LuaTable();
        method(m, "nanoseconds", (s, d, a) -> d.nanos());
        method(m, "microseconds", (s, d, a) -> d.nanos() / 1_000);
        method(m, "milliseconds", (s, d, a) -> d.nanos() / 1_000_000);
        method(m, "seconds", (s, d, a) -> inUnits(d.nanos(), SECOND));
        method(m, "minutes", (s, d, a) -> inUnits(d.nanos(), MINUTE));
        method(m, "hours", (s, d, a) -> inUnits(d.nanos(), HOUR));
        LuaTable meta = Methods.metatable("Duration", m);
        meta.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) ->
                LuaString.of(Bindings.check(s, a, 0, DurationValue.class, "Duration").toString())));
        meta.putStr(MetaNames.UNM, new JavaFunction("unm", (s, a) ->
                new DurationValue(Operators.exact(() -> Math.negateExact(((DurationValue) a[0]).nanos())))));
        Operators.installShared(meta);
        return meta.freeze();
    }

    private static void method(LuaTable t, String name, Methods.Body<DurationValue> body) {
        Methods.add(t, name, DurationValue.class, "Duration", body);
    }

    /**
     * {@code nanos} in a unit as a float: whole units and the remainder are converted separately, so large
     * durations keep their nanoseconds as far as a double can.
     */
    private static double inUnits(long nanos, long unit) {
        return (double) (nanos / unit) + (double) (nanos % unit) / unit;
    }
}
