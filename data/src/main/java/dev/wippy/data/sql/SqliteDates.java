package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaString;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date and time values as RFC 3339 text in UTC with second precision (spec 08 §3.5), and how SQLite values of
 * columns declared DATE, DATETIME or TIMESTAMP are read: integers as Unix seconds (milliseconds above 10^12),
 * text in one of a few layouts, anything unreadable as {@code 0001-01-01T00:00:00Z}.
 */
final class SqliteDates {
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static final LuaString ZERO = LuaString.of("0001-01-01T00:00:00Z");
    /** Date, optional time with optional seconds, fraction and offset; {@code T} or a space between. */
    private static final Pattern TEXT = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?([+-]\\d{2}:\\d{2})?)?)?");

    private SqliteDates() {
    }

    static LuaString format(OffsetDateTime t) {
        return LuaString.of(t.withOffsetSameInstant(ZoneOffset.UTC).format(RFC3339));
    }

    static Object rfc3339(Object stored) {
        if (stored instanceof Long l) {
            Instant i = Math.abs(l) > 1_000_000_000_000L ? Instant.ofEpochMilli(l) : Instant.ofEpochSecond(l);
            return format(i.atOffset(ZoneOffset.UTC));
        }
        if (stored instanceof LuaString s) {
            return parse(s.toString());
        }
        return stored;
    }

    private static LuaString parse(String text) {
        String t = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        Matcher m = TEXT.matcher(t);
        if (!m.matches() || m.group(4) != null && m.group(6) == null && m.group(8) != null) {
            return ZERO;
        }
        try {
            LocalDateTime local = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5),
                    num(m, 6));
            ZoneOffset offset = m.group(8) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
            return format(local.atOffset(offset));
        } catch (java.time.DateTimeException e) {
            return ZERO;
        }
    }

    private static int num(Matcher m, int group) {
        return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
    }
}
