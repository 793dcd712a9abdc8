package dev.wippy.runtime.time;

import java.time.ZonedDateTime;

/** {@code t:format(layout)}: writes a Time the way the layout shows the reference time (spec 02 §5.5). */
final class LayoutFormatter {
    private LayoutFormatter() {}

    static String format(TimeValue t, String layout) {
        ZonedDateTime z = t.fields();
        int offset = z.getOffset().getTotalSeconds();
        StringBuilder b = new StringBuilder(layout.length() + 10);
        int pos = 0;
        while (pos < layout.length()) {
            Layout.Chunk c = Layout.next(layout, pos);
            b.append(layout, pos, c.start());
            pos = c.end();
            if (c.std() == null) {
                break;
            }
            switch (c.std()) {
                case YEAR -> appendInt(b, Math.abs(z.getYear()) % 100, 2);
                case LONG_YEAR -> appendInt(b, z.getYear(), 4);
                case MONTH -> b.append(Layout.SHORT_MONTHS[z.getMonthValue() - 1]);
                case LONG_MONTH -> b.append(Layout.LONG_MONTHS[z.getMonthValue() - 1]);
                case NUM_MONTH -> b.append(z.getMonthValue());
                case ZERO_MONTH -> appendInt(b, z.getMonthValue(), 2);
                case WEEKDAY -> b.append(Layout.SHORT_DAYS[weekday(z)]);
                case LONG_WEEKDAY -> b.append(Layout.LONG_DAYS[weekday(z)]);
                case DAY -> b.append(z.getDayOfMonth());
                case UNDER_DAY -> b.append(z.getDayOfMonth() < 10 ? " " : "").append(z.getDayOfMonth());
                case ZERO_DAY -> appendInt(b, z.getDayOfMonth(), 2);
                case UNDER_YEAR_DAY -> b.append(z.getDayOfYear() < 10 ? "  " : z.getDayOfYear() < 100 ? " " : "")
                        .append(z.getDayOfYear());
                case ZERO_YEAR_DAY -> appendInt(b, z.getDayOfYear(), 3);
                case HOUR -> appendInt(b, z.getHour(), 2);
                case HOUR12 -> b.append(hour12(z));
                case ZERO_HOUR12 -> appendInt(b, hour12(z), 2);
                case MINUTE -> b.append(z.getMinute());
                case ZERO_MINUTE -> appendInt(b, z.getMinute(), 2);
                case SECOND -> b.append(z.getSecond());
                case ZERO_SECOND -> appendInt(b, z.getSecond(), 2);
                case PM -> b.append(z.getHour() >= 12 ? "PM" : "AM");
                case LOWER_PM -> b.append(z.getHour() >= 12 ? "pm" : "am");
                case TZ -> {
                    String name = t.location().abbreviationAt(t.instant());
                    if (name.isEmpty()) {
                        // no abbreviation known, but one must be printed: the -0700 form
                        appendOffset(b, Layout.Std.NUM_TZ, offset);
                    } else {
                        b.append(name);
                    }
                }
                case FRAC_SECOND_0, FRAC_SECOND_9 -> appendFraction(b, c, z.getNano());
                default -> appendOffset(b, c.std(), offset);
            }
        }
        return b.toString();
    }

    private static int weekday(ZonedDateTime z) {
        return z.getDayOfWeek().getValue() % 7;
    }

    private static int hour12(ZonedDateTime z) {
        int h = z.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    /** A numeric zone element; the ISO 8601 forms write {@code Z} for UTC. */
    private static void appendOffset(StringBuilder b, Layout.Std std, int offset) {
        if (offset == 0 && std.isIsoZone()) {
            b.append('Z');
            return;
        }
        int abs = Math.abs(offset);
        b.append(offset < 0 ? '-' : '+');
        appendInt(b, abs / 3600, 2);
        boolean colon = std == Layout.Std.ISO8601_COLON_TZ || std == Layout.Std.NUM_COLON_TZ
                || std == Layout.Std.ISO8601_COLON_SECONDS_TZ || std == Layout.Std.NUM_COLON_SECONDS_TZ;
        if (colon) {
            b.append(':');
        }
        if (std != Layout.Std.NUM_SHORT_TZ && std != Layout.Std.ISO8601_SHORT_TZ) {
            appendInt(b, abs / 60 % 60, 2);
        }
        boolean seconds = std == Layout.Std.ISO8601_SECONDS_TZ || std == Layout.Std.NUM_SECONDS_TZ
                || std == Layout.Std.ISO8601_COLON_SECONDS_TZ || std == Layout.Std.NUM_COLON_SECONDS_TZ;
        if (seconds) {
            if (colon) {
                b.append(':');
            }
            appendInt(b, abs % 60, 2);
        }
    }

    /** {@code .000} keeps exactly n digits; {@code .999} drops trailing zeros and is omitted for zero. */
    private static void appendFraction(StringBuilder b, Layout.Chunk c, int nanos) {
        boolean trim = c.std() == Layout.Std.FRAC_SECOND_9;
        if (trim && nanos == 0) {
            return;
        }
        String digits = String.format("%09d", nanos).substring(0, Math.min(c.digits(), 9));
        if (trim) {
            int end = digits.length();
            while (end > 0 && digits.charAt(end - 1) == '0') {
                end--;
            }
            digits = digits.substring(0, end);
            if (digits.isEmpty()) {
                return;
            }
        }
        b.append(c.separator()).append(digits);
    }

    /** {@code x} with at least {@code width} digits, zero padded, sign first. */
    private static void appendInt(StringBuilder b, int x, int width) {
        if (x < 0) {
            b.append('-');
        }
        String digits = Integer.toString(Math.abs(x));
        b.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }
}
