package dev.wippy.runtime.time;

/**
 * Go's reference layouts (spec 02 §5.5): a layout shows how the reference time {@code Mon Jan 2 15:04:05 MST 2006}
 * would look. This class splits a layout into literal text and the standard elements it names, longest match
 * first and with Go's special cases ({@code Jan} and {@code Mon} are not elements when a lower-case letter follows;
 * {@code _2006} is a literal underscore and the year).
 */
final class Layout {
    static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
    /** What {@code tostring(t)} uses. */
    static final String STRING = "2006-01-02 15:04:05.999999999 -0700 MST";

    static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    static final String[] SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};
    static final String[] SHORT_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

    private Layout() {}

    /** The standard elements of a layout. */
    enum Std {
        LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH,
        LONG_WEEKDAY, WEEKDAY,
        DAY, UNDER_DAY, ZERO_DAY, UNDER_YEAR_DAY, ZERO_YEAR_DAY,
        HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
        LONG_YEAR, YEAR,
        PM, LOWER_PM,
        TZ,
        ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ,
        NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ,
        /** {@code .000}: exactly {@link Chunk#digits} digits. */
        FRAC_SECOND_0,
        /** {@code .999}: up to {@link Chunk#digits} digits, trailing zeros removed. */
        FRAC_SECOND_9;

        boolean isIsoZone() {
            return this == ISO8601_TZ || this == ISO8601_SECONDS_TZ || this == ISO8601_SHORT_TZ
                    || this == ISO8601_COLON_TZ || this == ISO8601_COLON_SECONDS_TZ;
        }
    }

    /**
     * The next element at or after {@code from}: literal text is {@code layout[from, start)}, the element is
     * {@code layout[start, end)}. {@code std} is null when only literal text remains ({@code start == end ==
     * layout.length()}). A fractional-seconds element also has its digit count and separator ('.' or ',').
     */
    record Chunk(int start, int end, Std std, int digits, char separator) {
        static Chunk of(int start, int length, Std std) {
            return new Chunk(start, start + length, std, 0, '.');
        }
    }

    private record ZoneElement(String text, Std std) {}

    /** Longest first, so that {@code -070000} wins over {@code -0700}. */
    private static final ZoneElement[] ZONES = {
        new ZoneElement("-070000", Std.NUM_SECONDS_TZ), new ZoneElement("-07:00:00", Std.NUM_COLON_SECONDS_TZ),
        new ZoneElement("-0700", Std.NUM_TZ), new ZoneElement("-07:00", Std.NUM_COLON_TZ),
        new ZoneElement("-07", Std.NUM_SHORT_TZ),
        new ZoneElement("Z070000", Std.ISO8601_SECONDS_TZ), new ZoneElement("Z07:00:00", Std.ISO8601_COLON_SECONDS_TZ),
        new ZoneElement("Z0700", Std.ISO8601_TZ), new ZoneElement("Z07:00", Std.ISO8601_COLON_TZ),
        new ZoneElement("Z07", Std.ISO8601_SHORT_TZ),
    };

    private static final Std[] ZERO_PREFIXED = {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE,
        Std.ZERO_SECOND, Std.YEAR};

    static Chunk next(String layout, int from) {
        for (int i = from; i < layout.length(); i++) {
            char c = layout.charAt(i);
            switch (c) {
                case 'J' -> {
                    if (layout.startsWith("January", i)) {
                        return Chunk.of(i, 7, Std.LONG_MONTH);
                    }
                    if (layout.startsWith("Jan", i) && !lowerAt(layout, i + 3)) {
                        return Chunk.of(i, 3, Std.MONTH);
                    }
                }
                case 'M' -> {
                    if (layout.startsWith("Monday", i)) {
                        return Chunk.of(i, 6, Std.LONG_WEEKDAY);
                    }
                    if (layout.startsWith("Mon", i) && !lowerAt(layout, i + 3)) {
                        return Chunk.of(i, 3, Std.WEEKDAY);
                    }
                    if (layout.startsWith("MST", i)) {
                        return Chunk.of(i, 3, Std.TZ);
                    }
                }
                case '0' -> {
                    if (i + 1 < layout.length() && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
                        return Chunk.of(i, 2, ZERO_PREFIXED[layout.charAt(i + 1) - '1']);
                    }
                    if (layout.startsWith("002", i)) {
                        return Chunk.of(i, 3, Std.ZERO_YEAR_DAY);
                    }
                }
                case '1' -> {
                    return layout.startsWith("15", i) ? Chunk.of(i, 2, Std.HOUR) : Chunk.of(i, 1, Std.NUM_MONTH);
                }
                case '2' -> {
                    return layout.startsWith("2006", i) ? Chunk.of(i, 4, Std.LONG_YEAR) : Chunk.of(i, 1, Std.DAY);
                }
                case '_' -> {
                    if (layout.startsWith("_2006", i)) {
                        return Chunk.of(i + 1, 4, Std.LONG_YEAR);
                    }
                    if (layout.startsWith("_2", i)) {
                        return Chunk.of(i, 2, Std.UNDER_DAY);
                    }
                    if (layout.startsWith("__2", i)) {
                        return Chunk.of(i, 3, Std.UNDER_YEAR_DAY);
                    }
                }
                case '3' -> {
                    return Chunk.of(i, 1, Std.HOUR12);
                }
                case '4' -> {
                    return Chunk.of(i, 1, Std.MINUTE);
                }
                case '5' -> {
                    return Chunk.of(i, 1, Std.SECOND);
                }
                case 'P' -> {
                    if (layout.startsWith("PM", i)) {
                        return Chunk.of(i, 2, Std.PM);
                    }
                }
                case 'p' -> {
                    if (layout.startsWith("pm", i)) {
                        return Chunk.of(i, 2, Std.LOWER_PM);
                    }
                }
                case '-', 'Z' -> {
                    for (ZoneElement z : ZONES) {
                        if (layout.startsWith(z.text, i)) {
                            return Chunk.of(i, z.text.length(), z.std);
                        }
                    }
                }
                case '.', ',' -> {
                    Chunk fraction = fraction(layout, i, c);
                    if (fraction != null) {
                        return fraction;
                    }
                }
                default -> { }
            }
        }
        return new Chunk(layout.length(), layout.length(), null, 0, '.');
    }

    /** {@code .000} or {@code .999} (or with a comma); only when no other digit follows the run. */
    private static Chunk fraction(String layout, int i, char separator) {
        if (i + 1 >= layout.length() || (layout.charAt(i + 1) != '0' && layout.charAt(i + 1) != '9')) {
            return null;
        }
        char digit = layout.charAt(i + 1);
        int j = i + 1;
        while (j < layout.length() && layout.charAt(j) == digit) {
            j++;
        }
        if (j < layout.length() && layout.charAt(j) >= '0' && layout.charAt(j) <= '9') {
            return null;
        }
        return new Chunk(i, j, digit == '0' ? Std.FRAC_SECOND_0 : Std.FRAC_SECOND_9, j - i - 1, separator);
    }

    private static boolean lowerAt(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }
}
