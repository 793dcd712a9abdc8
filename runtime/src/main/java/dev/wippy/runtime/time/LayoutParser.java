package dev.wippy.runtime.time;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * {@code time.parse(layout, value [, loc])} (spec 02 §5.5), following Go's rules: fields missing from the layout
 * are zero (month and day one), seconds may carry a fraction the layout does not show, and the zone comes from the
 * value when it has one, else from {@code loc}, else UTC.
 */
final class LayoutParser {
    /** Why a value does not match its layout; the message reads like Go's. */
    static final class ParseFailure extends RuntimeException {
        ParseFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final String layout;
    private final String value;
    private int lp;
    private int vp;

    private int year;
    private int month = -1;
    private int day = -1;
    private int yearDay = -1;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private boolean am;
    private boolean pm;
    private boolean utc;
    private boolean hasOffset;
    private int zoneOffset;
    private String zoneName = "";

    private LayoutParser(String layout, String value) {
        this.layout = layout;
        this.value = value;
    }

    /**
     * @param defaultLoc where a value without zone information is placed
     * @param local      the zone whose abbreviations and offsets a value's zone is matched against
     */
    static TimeValue parse(String layout, String value, Location defaultLoc, Location local) {
        return new LayoutParser(layout, value).run(defaultLoc, local);
    }

    private TimeValue run(Location defaultLoc, Location local) {
        while (true) {
            Layout.Chunk c = Layout.next(layout, lp);
            String literal = layout.substring(lp, c.start());
            if (!skip(literal)) {
                throw new ParseFailure(cannotParse(value.substring(vp), literal));
            }
            if (c.std() == null) {
                if (vp < value.length()) {
                    throw failure(": extra text: " + DurationText.quote(value.substring(vp)));
                }
                break;
            }
            lp = c.end();
            int hold = vp;
            String range = element(c);
            if (range != null) {
                throw failure(": " + range + " out of range");
            }
            if (vp < 0) {
                throw new ParseFailure(cannotParse(value.substring(hold), layout.substring(c.start(), c.end())));
            }
        }
        if (pm && hour < 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        resolveDate();
        return place(defaultLoc, local);
    }

    /**
     * Reads one element at {@code vp}. Returns the name of a field that is out of range, or null; leaves {@code vp}
     * negative when the value does not match.
     */
    private String element(Layout.Chunk c) {
        switch (c.std()) {
            case YEAR -> {
                int y = fixedDigits(2);
                year = y < 0 ? y : y >= 69 ? 1900 + y : 2000 + y;
            }
            case LONG_YEAR -> year = fixedDigits(4);
            case MONTH -> month = name(Layout.SHORT_MONTHS) + 1;
            case LONG_MONTH -> month = name(Layout.LONG_MONTHS) + 1;
            case NUM_MONTH, ZERO_MONTH -> {
                month = number(c.std() == Layout.Std.ZERO_MONTH);
                if (vp >= 0 && (month <= 0 || month > 12)) {
                    return "month";
                }
            }
            case WEEKDAY -> name(Layout.SHORT_DAYS);
            case LONG_WEEKDAY -> name(Layout.LONG_DAYS);
            case DAY, UNDER_DAY, ZERO_DAY -> {
                if (c.std() == Layout.Std.UNDER_DAY && vp < value.length() && value.charAt(vp) == ' ') {
                    vp++;
                }
                day = number(c.std() == Layout.Std.ZERO_DAY);
            }
            case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                for (int i = 0; i < 2 && c.std() == Layout.Std.UNDER_YEAR_DAY; i++) {
                    if (vp < value.length() && value.charAt(vp) == ' ') {
                        vp++;
                    }
                }
                yearDay = digits(c.std() == Layout.Std.ZERO_YEAR_DAY ? 3 : 1, 3);
            }
            case HOUR -> {
                hour = number(false);
                if (hour >= 24) {
                    return "hour";
                }
            }
            case HOUR12, ZERO_HOUR12 -> {
                hour = number(c.std() == Layout.Std.ZERO_HOUR12);
                if (hour > 12) {
                    return "hour";
                }
            }
            case MINUTE, ZERO_MINUTE -> {
                minute = number(c.std() == Layout.Std.ZERO_MINUTE);
                if (minute >= 60) {
                    return "minute";
                }
            }
            case SECOND, ZERO_SECOND -> {
                second = number(c.std() == Layout.Std.ZERO_SECOND);
                if (second >= 60) {
                    return "second";
                }
                if (vp >= 0 && fractionFollows() && !nextIsFraction()) {
                    // a fraction in the value that the layout does not show
                    int n = 1;
                    while (vp + n < value.length() && isDigit(value.charAt(vp + n))) {
                        n++;
                    }
                    nanos = fraction(n);
                }
            }
            case PM, LOWER_PM -> {
                boolean upper = c.std() == Layout.Std.PM;
                if (value.startsWith(upper ? "PM" : "pm", vp)) {
                    pm = true;
                    vp += 2;
                } else if (value.startsWith(upper ? "AM" : "am", vp)) {
                    am = true;
                    vp += 2;
                } else {
                    vp = -1;
                }
            }
            case TZ -> zoneAbbreviation();
            case FRAC_SECOND_0 -> {
                int n = 1 + c.digits();
                if (vp + n > value.length() || !isSeparator(value.charAt(vp))) {
                    vp = -1;
                } else {
                    nanos = fraction(n);
                }
            }
            case FRAC_SECOND_9 -> {
                if (fractionFollows()) {
                    // any number of digits, even more than the layout asks for, as after a plain second
                    int n = 1;
                    while (vp + n < value.length() && isDigit(value.charAt(vp + n))) {
                        n++;
                    }
                    nanos = fraction(n);
                }
            }
            default -> {
                if (c.std().isIsoZone() && vp < value.length() && value.charAt(vp) == 'Z') {
                    vp++;
                    utc = true;
                } else {
                    return numericOffset(c.std());
                }
            }
        }
        return null;
    }

    /** {@code +hh[:mm[:ss]]} in the shape of the element; null or the name of an out-of-range part. */
    private String numericOffset(Layout.Std std) {
        String shape = switch (std) {
            case ISO8601_COLON_TZ, NUM_COLON_TZ -> "+hh:mm";
            case ISO8601_SHORT_TZ, NUM_SHORT_TZ -> "+hh";
            case ISO8601_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> "+hh:mm:ss";
            case ISO8601_SECONDS_TZ, NUM_SECONDS_TZ -> "+hhmmss";
            default -> "+hhmm";
        };
        if (vp + shape.length() > value.length()) {
            vp = -1;
            return null;
        }
        int[] parts = new int[3];
        int part = 0;
        for (int i = 1; i < shape.length(); ) {
            if (shape.charAt(i) == ':') {
                if (value.charAt(vp + i) != ':') {
                    vp = -1;
                    return null;
                }
                i++;
                continue;
            }
            char d1 = value.charAt(vp + i);
            char d2 = value.charAt(vp + i + 1);
            if (!isDigit(d1) || !isDigit(d2)) {
                vp = -1;
                return null;
            }
            parts[part++] = (d1 - '0') * 10 + (d2 - '0');
            i += 2;
        }
        char sign = value.charAt(vp);
        if (sign != '+' && sign != '-') {
            vp = -1;
            return null;
        }
        vp += shape.length();
        // some people write offsets of 24 hours or 60 minutes, so only larger values are rejected
        if (parts[0] > 24) {
            return "time zone offset hour";
        }
        if (parts[1] > 60) {
            return "time zone offset minute";
        }
        if (parts[2] > 60) {
            return "time zone offset second";
        }
        int offset = (parts[0] * 60 + parts[1]) * 60 + parts[2];
        zoneOffset = sign == '-' ? -offset : offset;
        hasOffset = true;
        return null;
    }

    /** {@code UTC}, or something shaped like a zone abbreviation ({@code CET}, {@code GMT+3}, {@code +03}). */
    private void zoneAbbreviation() {
        if (value.startsWith("UTC", vp)) {
            vp += 3;
            utc = true;
            return;
        }
        int n = ZoneNames.abbreviationLength(value, vp);
        if (n == 0) {
            vp = -1;
            return;
        }
        zoneName = value.substring(vp, vp + n);
        vp += n;
    }

    /** Day of year to month and day, and the checks that the date exists. */
    private void resolveDate() {
        if (yearDay >= 0) {
            int m = 0;
            int d = 0;
            int yd = yearDay;
            if (Dates.isLeap(year)) {
                if (yd == 31 + 29) {
                    m = 2;
                    d = 29;
                } else if (yd > 31 + 29) {
                    yd--;
                }
            }
            if (yd < 1 || yd > 365) {
                throw failure(": day-of-year out of range");
            }
            if (m == 0) {
                m = 1;
                while (yd > daysBefore(m + 1)) {
                    m++;
                }
                d = yd - daysBefore(m);
            }
            if (month >= 0 && month != m) {
                throw failure(": day-of-year does not match month");
            }
            month = m;
            if (day >= 0 && day != d) {
                throw failure(": day-of-year does not match day");
            }
            day = d;
        } else {
            month = month < 0 ? 1 : month;
            day = day < 0 ? 1 : day;
        }
        if (day < 1 || day > Dates.daysIn(month, year)) {
            throw failure(": day out of range");
        }
    }

    /** Days before the first of {@code month} in a non-leap year. */
    private static int daysBefore(int month) {
        int days = 0;
        for (int m = 1; m < month; m++) {
            days += Dates.daysIn(m, 1);
        }
        return days;
    }

    private TimeValue place(Location defaultLoc, Location local) {
        if (utc) {
            return at(Location.UTC);
        }
        if (hasOffset) {
            Instant instant = wallClock().minusSeconds(zoneOffset);
            if (local.offsetAt(instant) == zoneOffset
                    && (zoneName.isEmpty() || local.abbreviationAt(instant).equals(zoneName))) {
                return new TimeValue(instant, local);
            }
            return new TimeValue(instant, fabricated(zoneName, zoneOffset));
        }
        if (!zoneName.isEmpty()) {
            Instant wall = wallClock();
            Integer offset = ZoneNames.offsetOf(local, zoneName, wall);
            if (offset != null) {
                return new TimeValue(wall.minusSeconds(offset), local);
            }
            int guessed = ZoneNames.gmtOffset(zoneName);
            return new TimeValue(wall.minusSeconds(guessed), fabricated(zoneName, guessed));
        }
        return at(defaultLoc);
    }

    /** The parsed wall clock read as if it were UTC. */
    private Instant wallClock() {
        return at(Location.UTC).instant();
    }

    private TimeValue at(Location loc) {
        try {
            return new TimeValue(Dates.instant(year, month, day, hour, minute, second, nanos, loc), loc);
        } catch (DateTimeException | ArithmeticException e) {
            throw failure(": year out of range");
        }
    }

    private Location fabricated(String name, int offset) {
        try {
            return Location.fixed(name, offset);
        } catch (DateTimeException e) {
            throw failure(": time zone offset out of range");
        }
    }

    // ---------------------------------------------------------------- reading the value

    /** Literal layout text: a space matches a run of spaces; anything else must match exactly. */
    private boolean skip(String literal) {
        int i = 0;
        while (i < literal.length()) {
            if (literal.charAt(i) == ' ') {
                if (vp < value.length() && value.charAt(vp) != ' ') {
                    return false;
                }
                while (i < literal.length() && literal.charAt(i) == ' ') {
                    i++;
                }
                while (vp < value.length() && value.charAt(vp) == ' ') {
                    vp++;
                }
                continue;
            }
            if (vp >= value.length() || value.charAt(vp) != literal.charAt(i)) {
                return false;
            }
            i++;
            vp++;
        }
        return true;
    }

    /** One or two digits; exactly two when {@code fixed}. */
    private int number(boolean fixed) {
        return digits(fixed ? 2 : 1, 2);
    }

    /** Between {@code min} and {@code max} digits; marks a mismatch (and returns -1) when fewer than min. */
    private int digits(int min, int max) {
        if (vp < 0) {
            return -1;
        }
        int n = 0;
        int v = 0;
        while (n < max && vp + n < value.length() && isDigit(value.charAt(vp + n))) {
            v = v * 10 + (value.charAt(vp + n) - '0');
            n++;
        }
        if (n < min) {
            vp = -1;
            return -1;
        }
        vp += n;
        return v;
    }

    /** Exactly {@code n} digits. */
    private int fixedDigits(int n) {
        if (vp + n > value.length()) {
            vp = -1;
            return -1;
        }
        return digits(n, n);
    }

    /** A month or day name, matched ignoring ASCII case; its index. */
    private int name(String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (value.regionMatches(true, vp, names[i], 0, names[i].length())) {
                vp += names[i].length();
                return i;
            }
        }
        vp = -1;
        return -2;
    }

    private boolean fractionFollows() {
        return vp + 1 < value.length() && isSeparator(value.charAt(vp)) && isDigit(value.charAt(vp + 1));
    }

    /** Whether the layout's next element is a fractional second (then that element reads the fraction). */
    private boolean nextIsFraction() {
        Layout.Std next = Layout.next(layout, lp).std();
        return next == Layout.Std.FRAC_SECOND_0 || next == Layout.Std.FRAC_SECOND_9;
    }

    /** The fraction in {@code value[vp, vp + n)} (separator and digits) as nanoseconds; extra digits are cut. */
    private int fraction(int n) {
        int digits = Math.min(n - 1, 9);
        int v = 0;
        for (int i = 1; i <= digits; i++) {
            char ch = value.charAt(vp + i);
            if (!isDigit(ch)) {
                vp = -1;
                return 0;
            }
            v = v * 10 + (ch - '0');
        }
        for (int i = digits + 1; i < n; i++) {
            if (!isDigit(value.charAt(vp + i))) {
                vp = -1;
                return 0;
            }
        }
        for (int i = digits; i < 9; i++) {
            v *= 10;
        }
        vp += n;
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == ',';
    }

    private ParseFailure failure(String message) {
        return new ParseFailure("parsing time " + DurationText.quote(value) + message);
    }

    private String cannotParse(String valueElem, String layoutElem) {
        return "parsing time " + DurationText.quote(value) + " as " + DurationText.quote(layout) + ": cannot parse "
                + DurationText.quote(valueElem) + " as " + DurationText.quote(layoutElem);
    }
}
