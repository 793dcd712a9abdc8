package dev.wippy.runtime.time;

/**
 * Go's duration syntax (spec 02 §5.3): {@code [-+]?(<digits>[.<digits>]<unit>)+} with units ns, us/µs/μs, ms, s,
 * m, h, or a lone {@code 0}; and Go's canonical text ({@code 1h30m0s}, {@code 1.5µs}, {@code 0s}).
 */
public final class DurationText {
    private static final long MICROSECOND = 1_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    /** The magnitude of the most negative duration, as an unsigned value. */
    private static final long MAX_MAGNITUDE = Long.MIN_VALUE;

    private DurationText() {}

    /** Thrown for text that is not a duration; the message reads like Go's. */
    public static final class InvalidDuration extends RuntimeException {
        InvalidDuration(String message) {
            super(message, null, false, false);
        }
    }

    /** The nanoseconds of a duration string. */
    public static long parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        // the magnitude is kept unsigned so that the most negative duration parses
        long total = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            long whole = 0;
            while (i < s.length() && isDigit(s.charAt(i))) {
                if (Long.compareUnsigned(whole, Long.divideUnsigned(MAX_MAGNITUDE, 10)) > 0) {
                    throw invalid(text);
                }
                whole = whole * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(whole, MAX_MAGNITUDE) > 0) {
                    throw invalid(text);
                }
                i++;
            }
            boolean hasWhole = i > start;
            long fraction = 0;
            double scale = 1;
            boolean hasFraction = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fractionStart = i;
                boolean saturated = false;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    // digits beyond 18 cannot change a nanosecond count: they are read and ignored, like Go
                    if (!saturated && fraction <= (Long.MAX_VALUE - 9) / 10) {
                        fraction = fraction * 10 + (s.charAt(i) - '0');
                        scale *= 10;
                    } else {
                        saturated = true;
                    }
                    i++;
                }
                hasFraction = i > fractionStart;
            }
            if (!hasWhole && !hasFraction) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                i++;
            }
            if (i == unitStart) {
                throw new InvalidDuration("time: missing unit in duration " + quote(text));
            }
            String unitName = s.substring(unitStart, i);
            long unit = unit(unitName);
            if (unit == 0) {
                throw new InvalidDuration("time: unknown unit " + quote(unitName) + " in duration " + quote(text));
            }
            if (Long.compareUnsigned(whole, Long.divideUnsigned(MAX_MAGNITUDE, unit)) > 0) {
                throw invalid(text);
            }
            long group = whole * unit;
            if (fraction > 0) {
                // a double is exact enough here: a fraction of the largest unit is below 3.6e12 ns
                group += (long) (fraction * (unit / scale));
                if (Long.compareUnsigned(group, MAX_MAGNITUDE) > 0) {
                    throw invalid(text);
                }
            }
            total += group;
            if (Long.compareUnsigned(total, MAX_MAGNITUDE) > 0 || Long.compareUnsigned(total, group) < 0) {
                throw invalid(text);
            }
        }
        if (negative) {
            return -total;
        }
        if (total < 0) {
            throw invalid(text);
        }
        return total;
    }

    private static long unit(String name) {
        return switch (name) {
            case "ns" -> 1;
            case "us", "\u00b5s", "\u03bcs" -> MICROSECOND;
            case "ms" -> MILLISECOND;
            case "s" -> SECOND;
            case "m" -> MINUTE;
            case "h" -> HOUR;
            default -> 0;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidDuration invalid(String text) {
        return new InvalidDuration("time: invalid duration " + quote(text));
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** Go's text of a duration. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        // unsigned magnitude, so that Long.MIN_VALUE prints correctly
        long u = nanos < 0 ? -nanos : nanos;
        StringBuilder b = new StringBuilder();
        if (nanos < 0) {
            b.append('-');
        }
        if (Long.compareUnsigned(u, SECOND) < 0) {
            if (u < MICROSECOND) {
                return b.append(u).append("ns").toString();
            }
            if (u < MILLISECOND) {
                return appendFraction(b, u, 3).append("\u00b5s").toString();
            }
            return appendFraction(b, u, 6).append("ms").toString();
        }
        long seconds = Long.divideUnsigned(u, SECOND);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            b.append(minutes).append('m');
        }
        b.append(seconds % 60);
        appendDecimals(b, Long.remainderUnsigned(u, SECOND), 9);
        return b.append('s').toString();
    }

    /** {@code v / 10^digits} with its fraction (trailing zeros dropped); v is below 10^(digits+3). */
    private static StringBuilder appendFraction(StringBuilder b, long v, int digits) {
        long pow = pow10(digits);
        b.append(v / pow);
        appendDecimals(b, v % pow, digits);
        return b;
    }

    /** {@code .ddd} of a fraction with {@code digits} decimals, trailing zeros removed; nothing when zero. */
    private static void appendDecimals(StringBuilder b, long fraction, int digits) {
        if (fraction == 0) {
            return;
        }
        String text = Long.toString(fraction);
        String padded = "0".repeat(digits - text.length()) + text;
        int end = padded.length();
        while (padded.charAt(end - 1) == '0') {
            end--;
        }
        b.append('.').append(padded, 0, end);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
