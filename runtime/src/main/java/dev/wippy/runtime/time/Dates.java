package dev.wippy.runtime.time;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Go's {@code time.Date}: calendar fields to an instant, normalizing fields out of their range (month 13 is January
 * of the next year, day 32 a day of the next month, second -1 the last second of the previous minute). A wall clock
 * time skipped by a daylight-saving change moves forward by the gap; one that occurs twice takes the earlier
 * offset.
 */
final class Dates {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Dates() {}

    /**
     * The instant of the given wall clock fields in {@code loc}.
     *
     * @throws java.time.DateTimeException or {@link ArithmeticException} when the year leaves the supported range
     */
    static Instant instant(long year, long month, long day, long hour, long minute, long second, long nanos,
                           Location loc) {
        long y = Math.addExact(year, Math.floorDiv(month - 1, 12));
        int m = (int) Math.floorMod(month - 1, 12) + 1;
        long s = Math.addExact(second, Math.floorDiv(nanos, NANOS_PER_SECOND));
        int ns = (int) Math.floorMod(nanos, NANOS_PER_SECOND);
        long min = Math.addExact(minute, Math.floorDiv(s, 60));
        int sec = (int) Math.floorMod(s, 60);
        long h = Math.addExact(hour, Math.floorDiv(min, 60));
        int mi = (int) Math.floorMod(min, 60);
        long d = Math.addExact(day, Math.floorDiv(h, 24));
        int hr = (int) Math.floorMod(h, 24);
        LocalDate date = LocalDate.of(Math.toIntExact(y), m, 1).plusDays(Math.subtractExact(d, 1));
        return date.atTime(hr, mi, sec, ns).atZone(loc.zone()).toInstant();
    }

    static boolean isLeap(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int daysIn(int month, long year) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
