package dev.wippy.runtime.time;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.util.Locale;

/** The constants of the {@code time} module (spec 02 §5.5, §5.7): units, months, weekdays and layouts. */
final class TimeConstants {
    private TimeConstants() {}

    static void addTo(LuaTable t) {
        integer(t, "NANOSECOND", 1L);
        integer(t, "MICROSECOND", 1_000L);
        integer(t, "MILLISECOND", 1_000_000L);
        integer(t, "SECOND", 1_000_000_000L);
        integer(t, "MINUTE", 60_000_000_000L);
        integer(t, "HOUR", 3_600_000_000_000L);
        for (int m = 0; m < Layout.LONG_MONTHS.length; m++) {
            integer(t, Layout.LONG_MONTHS[m].toUpperCase(Locale.ROOT), m + 1);
        }
        for (int d = 0; d < Layout.LONG_DAYS.length; d++) {
            integer(t, Layout.LONG_DAYS[d].toUpperCase(Locale.ROOT), d);
        }
        layout(t, "RFC3339", Layout.RFC3339);
        layout(t, "RFC3339NANO", "2006-01-02T15:04:05.999999999Z07:00");
        layout(t, "RFC822", "02 Jan 06 15:04 MST");
        layout(t, "RFC822Z", "02 Jan 06 15:04 -0700");
        layout(t, "RFC850", "Monday, 02-Jan-06 15:04:05 MST");
        layout(t, "RFC1123", "Mon, 02 Jan 2006 15:04:05 MST");
        layout(t, "RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700");
        layout(t, "DATE_TIME", "2006-01-02 15:04:05");
        layout(t, "DATE_ONLY", "2006-01-02");
        layout(t, "TIME_ONLY", "15:04:05");
        layout(t, "KITCHEN", "3:04PM");
        layout(t, "STAMP", "Jan _2 15:04:05");
        layout(t, "STAMP_MILLI", "Jan _2 15:04:05.000");
        layout(t, "STAMP_MICRO", "Jan _2 15:04:05.000000");
        layout(t, "STAMP_NANO", "Jan _2 15:04:05.000000000");
    }

    private static void integer(LuaTable t, String name, long value) {
        t.putStr(LuaString.of(name), value);
    }

    private static void layout(LuaTable t, String name, String value) {
        t.putStr(LuaString.of(name), LuaString.of(value));
    }
}
