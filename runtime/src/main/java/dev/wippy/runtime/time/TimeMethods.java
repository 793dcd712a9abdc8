package dev.wippy.runtime.time;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.lua.Methods;

import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.util.function.ToIntFunction;

/** The methods and operators of Lua {@code Time} values (spec 02 §5.4). */
final class TimeMethods {
    static final LuaTable META = metatable();

    private TimeMethods() {}

    private static LuaTable metatable() {
        LuaTable m = new LuaTable();
        method(m, "add", TimeMethods::add);
        method(m, "sub", (s, t, a) -> new DurationValue(t.since(time(s, a, 1))));
        method(m, "add_date", TimeMethods::addDate);
        method(m, "before", (s, t, a) -> t.instant().isBefore(time(s, a, 1).instant()));
        method(m, "after", (s, t, a) -> t.instant().isAfter(time(s, a, 1).instant()));
        method(m, "equal", (s, t, a) -> t.instant().equals(time(s, a, 1).instant()));
        method(m, "format", (s, t, a) -> LuaString.of(LayoutFormatter.format(t, Args.checkString(s, a, 1).toString())));
        method(m, "format_rfc3339", (s, t, a) -> LuaString.of(LayoutFormatter.format(t, Layout.RFC3339)));
        method(m, "unix", (s, t, a) -> t.instant().getEpochSecond());
        // wraps around outside the years 1678..2262, as Go's UnixNano leaves undefined
        method(m, "unix_nano", (s, t, a) -> t.instant().getEpochSecond() * 1_000_000_000L + t.instant().getNano());
        method(m, "date", (s, t, a) -> {
            ZonedDateTime z = t.fields();
            return Multi.of((long) z.getYear(), (long) z.getMonthValue(), (long) z.getDayOfMonth());
        });
        method(m, "clock", (s, t, a) -> {
            ZonedDateTime z = t.fields();
            return Multi.of((long) z.getHour(), (long) z.getMinute(), (long) z.getSecond());
        });
        field(m, "year", ZonedDateTime::getYear);
        field(m, "month", ZonedDateTime::getMonthValue);
        field(m, "day", ZonedDateTime::getDayOfMonth);
        field(m, "hour", ZonedDateTime::getHour);
        field(m, "minute", ZonedDateTime::getMinute);
        field(m, "second", ZonedDateTime::getSecond);
        field(m, "nanosecond", ZonedDateTime::getNano);
        field(m, "weekday", z -> z.getDayOfWeek().getValue() % 7);
        field(m, "year_day", ZonedDateTime::getDayOfYear);
        method(m, "is_zero", (s, t, a) -> t.instant().equals(TimeValue.ZERO));
        method(m, "utc", (s, t, a) -> t.in(Location.UTC));
        method(m, "in_local", (s, t, a) -> t.in(Location.LOCAL));
        method(m, "in_location", (s, t, a) -> t.in(Bindings.check(s, a, 1, Location.class, "Location")));
        method(m, "location", (s, t, a) -> t.location());
        method(m, "round", (s, t, a) -> t.round(Bindings.check(s, a, 1, DurationValue.class, "Duration").nanos()));
        method(m, "truncate",
                (s, t, a) -> t.truncate(Bindings.check(s, a, 1, DurationValue.class, "Duration").nanos()));
        LuaTable meta = Methods.metatable("Time", m);
        meta.putStr(MetaNames.TOSTRING, new JavaFunction("tostring",
                (s, a) -> LuaString.of(Bindings.check(s, a, 0, TimeValue.class, "Time").toString())));
        Operators.installShared(meta);
        return meta.freeze();
    }

    private static void method(LuaTable t, String name, Methods.Body<TimeValue> body) {
        Methods.add(t, name, TimeValue.class, "Time", body);
    }

    /** A calendar field read in the time's own location. */
    private static void field(LuaTable t, String name, ToIntFunction<ZonedDateTime> read) {
        method(t, name, (s, time, a) -> (long) read.applyAsInt(time.fields()));
    }

    private static TimeValue time(LuaState s, Object[] a, int i) {
        return Bindings.check(s, a, i, TimeValue.class, "Time");
    }

    /** {@code t:add(d)}: an invalid duration is an INVALID error like everywhere else in the module. */
    private static Object add(LuaState s, TimeValue t, Object[] a) {
        try {
            return t.plus(DurationValue.nanosOf(Args.arg(a, 1)));
        } catch (DurationText.InvalidDuration e) {
            return Bindings.invalid(e.getMessage());
        }
    }

    /** {@code t:add_date(years, months, days)}: calendar arithmetic, normalized like {@code time.date}. */
    private static Object addDate(LuaState s, TimeValue t, Object[] a) {
        ZonedDateTime z = t.fields();
        try {
            return new TimeValue(Dates.instant(
                    Math.addExact(z.getYear(), Args.checkInteger(s, a, 1)),
                    Math.addExact(z.getMonthValue(), Args.checkInteger(s, a, 2)),
                    Math.addExact(z.getDayOfMonth(), Args.checkInteger(s, a, 3)),
                    z.getHour(), z.getMinute(), z.getSecond(), z.getNano(), t.location()), t.location());
        } catch (DateTimeException | ArithmeticException e) {
            throw LuaError.library("time: date out of range");
        }
    }
}
