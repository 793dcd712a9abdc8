package dev.wippy.runtime.time;

import dev.wippy.lua.vm.LuaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Time values (spec 02 §5.2, §5.4): construction, normalization, fields, locations and arithmetic. */
class TimeCalendarTest {
    private final PureLua lua = new PureLua();

    @ParameterizedTest(name = "time.date({0}) is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024, 13, 1, 0, 0, 0, 0             | 2025-01-01 00:00:00 +0000 UTC
            2024, 0, 15, 0, 0, 0, 0             | 2023-12-15 00:00:00 +0000 UTC
            2024, -1, 15, 0, 0, 0, 0            | 2023-11-15 00:00:00 +0000 UTC
            2024, 1, 32, 0, 0, 0, 0             | 2024-02-01 00:00:00 +0000 UTC
            2024, 3, 0, 0, 0, 0, 0              | 2024-02-29 00:00:00 +0000 UTC
            2023, 2, 29, 0, 0, 0, 0             | 2023-03-01 00:00:00 +0000 UTC
            2024, 1, 1, 25, 0, 0, 0             | 2024-01-02 01:00:00 +0000 UTC
            2024, 1, 1, 0, 0, -1, 0             | 2023-12-31 23:59:59 +0000 UTC
            2024, 1, 1, 0, 90, 0, 0             | 2024-01-01 01:30:00 +0000 UTC
            2024, 1, 1, 0, 0, 0, 1500000000     | 2024-01-01 00:00:01.5 +0000 UTC
            2024, 1, 1, 0, 0, 0, -1             | 2023-12-31 23:59:59.999999999 +0000 UTC
            """)
    void outOfRangeFieldsAreNormalized(String fields, String expected) {
        assertThat(lua.text("time.date(" + fields + ", time.utc)")).isEqualTo(expected);
    }

    @Test
    void aWallClockTimeSkippedByDaylightSavingMovesForward() {
        assertThat(lua.text("time.date(2024, 3, 10, 2, 30, 0, 0, time.load_location('America/New_York'))"))
                .isEqualTo("2024-03-10 03:30:00 -0400 EDT");
    }

    @Test
    void fieldsAreReadInTheTimesOwnLocation() {
        lua.run("t = time.date(2024, time.DECEMBER, 29, 23, 30, 15, 42, time.utc)"
                + " tokyo = t:in_location(time.load_location('Asia/Tokyo'))");
        assertThat(lua.run("return t:date()")).containsExactly(2024L, 12L, 29L);
        assertThat(lua.run("return t:clock()")).containsExactly(23L, 30L, 15L);
        assertThat(lua.run("return t:year(), t:month(), t:day(), t:hour(), t:minute(), t:second(), t:nanosecond()"))
                .containsExactly(2024L, 12L, 29L, 23L, 30L, 15L, 42L);
        assertThat(lua.run("return t:weekday(), t:year_day()")).containsExactly(0L, 364L);
        assertThat(lua.eval("t:weekday() == time.SUNDAY")).isEqualTo(true);
        assertThat(lua.run("return tokyo:date()")).containsExactly(2024L, 12L, 30L);
        assertThat(lua.run("return tokyo:hour(), tokyo:weekday(), tokyo:year_day()")).containsExactly(8L, 1L, 365L);
    }

    @Test
    void changingTheLocationKeepsTheInstant() {
        lua.run("t = time.date(2024, 7, 4, 12, 0, 0, 0, time.utc) ny = time.load_location('America/New_York')");
        assertThat(lua.text("t:in_location(ny)")).isEqualTo("2024-07-04 08:00:00 -0400 EDT");
        assertThat(lua.eval("t:in_location(ny):equal(t)")).isEqualTo(true);
        assertThat(lua.eval("t:in_location(ny) == t")).isEqualTo(true);
        assertThat(lua.text("t:in_location(ny):utc()")).isEqualTo("2024-07-04 12:00:00 +0000 UTC");
        assertThat(lua.eval("t:in_location(ny):location() == ny")).isEqualTo(true);
        assertThat(lua.eval("t:utc():location() == time.utc")).isEqualTo(true);
        assertThat(lua.eval("t:in_local():location() == time.localtz")).isEqualTo(true);
    }

    @Test
    void locationsAreNamed() {
        assertThat(lua.text("time.utc")).isEqualTo("UTC");
        assertThat(lua.text("time.localtz")).isEqualTo("Local");
        assertThat(lua.eval("time.utc:string()")).hasToString("UTC");
        assertThat(lua.text("time.load_location('Europe/London')")).isEqualTo("Europe/London");
        assertThat(lua.eval("time.load_location('UTC') == time.utc")).isEqualTo(true);
        assertThat(lua.eval("time.load_location('Local') == time.localtz")).isEqualTo(true);
        assertThat(lua.text("time.fixed_zone('UTC+3', 10800)")).isEqualTo("UTC+3");
    }

    @Test
    void unixTimesCountFromTheEpochWithNanosecondsNormalized() {
        assertThat(lua.text("time.unix(0, 0):utc()")).isEqualTo("1970-01-01 00:00:00 +0000 UTC");
        assertThat(lua.text("time.unix(1, -1):utc()")).isEqualTo("1970-01-01 00:00:00.999999999 +0000 UTC");
        assertThat(lua.text("time.unix(0, 2500000000):utc()")).isEqualTo("1970-01-01 00:00:02.5 +0000 UTC");
        assertThat(lua.eval("time.unix(1700000000, 0):location() == time.localtz")).isEqualTo(true);
        assertThat(lua.run("local t = time.unix(-1, 500000000) return t:unix(), t:unix_nano()"))
                .containsExactly(-1L, -500_000_000L);
        assertThat(lua.eval("time.date(2024, 3, 5, 9, 7, 8, 12345678, time.utc):unix_nano()"))
                .isEqualTo(1_709_629_628_012_345_678L);
    }

    @Test
    void theZeroTimeIsJanuaryFirstOfYearOneUtc() {
        assertThat(lua.eval("time.date(1, 1, 1, 0, 0, 0, 0, time.utc):is_zero()")).isEqualTo(true);
        assertThat(lua.eval("time.date(1, 1, 1, 0, 0, 0, 0, time.utc):in_location(time.fixed_zone('x', 60)):is_zero()"))
                .isEqualTo(true);
        assertThat(lua.eval("time.unix(0, 0):is_zero()")).isEqualTo(false);
    }

    @Test
    void addingAndSubtractingDurationsAndTimes() {
        lua.run("t = time.date(2024, 1, 31, 12, 0, 0, 0, time.utc)");
        assertThat(lua.text("t:add('1h30m')")).isEqualTo("2024-01-31 13:30:00 +0000 UTC");
        assertThat(lua.text("t:add(-time.HOUR)")).isEqualTo("2024-01-31 11:00:00 +0000 UTC");
        assertThat(lua.text("t:add(time.parse_duration('24h'))")).isEqualTo("2024-02-01 12:00:00 +0000 UTC");
        assertThat(lua.text("t:add('36h'):sub(t)")).isEqualTo("36h0m0s");
        assertThat(lua.text("t:sub(t:add('1ms'))")).isEqualTo("-1ms");
        assertThat(lua.text("t + '1m'")).isEqualTo("2024-01-31 12:01:00 +0000 UTC");
        assertThat(lua.text("t - '1m'")).isEqualTo("2024-01-31 11:59:00 +0000 UTC");
        assertThat(lua.text("(t + '90s') - t")).isEqualTo("1m30s");
        assertThat(lua.run("local u = t:add('1s') return t:before(u), t:after(u), t:equal(u), t < u, u <= t"))
                .containsExactly(true, false, false, true, false);
    }

    @Test
    void theDifferenceOfFarApartTimesSaturates() {
        assertThat(lua.text("time.date(3000, 1, 1, 0, 0, 0, 0, time.utc):sub(time.date(1, 1, 1, 0, 0, 0, 0, time.utc))"))
                .isEqualTo("2562047h47m16.854775807s");
    }

    @Test
    void addDateNormalizesInsteadOfClamping() {
        assertThat(lua.text("time.date(2024, 10, 31, 8, 0, 0, 0, time.utc):add_date(0, 1, 0)"))
                .isEqualTo("2024-12-01 08:00:00 +0000 UTC");
        assertThat(lua.text("time.date(2024, 1, 31, 0, 0, 0, 0, time.utc):add_date(0, 1, 0)"))
                .isEqualTo("2024-03-02 00:00:00 +0000 UTC");
        assertThat(lua.text("time.date(2024, 2, 29, 0, 0, 0, 0, time.utc):add_date(1, 0, 0)"))
                .isEqualTo("2025-03-01 00:00:00 +0000 UTC");
        assertThat(lua.text("time.date(2024, 3, 1, 0, 0, 0, 0, time.utc):add_date(0, 0, -1)"))
                .isEqualTo("2024-02-29 00:00:00 +0000 UTC");
    }

    @Test
    void addDateKeepsTheWallClockAcrossDaylightSavingChanges() {
        assertThat(lua.text("time.date(2024, 3, 9, 12, 0, 0, 0, time.load_location('America/New_York')):add_date(0, 0, 1)"))
                .isEqualTo("2024-03-10 12:00:00 -0400 EDT");
    }

    @ParameterizedTest(name = "{0}({1}) of 12:34:56.789 is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            truncate | 1h      | 2024-01-01 12:00:00 +0000 UTC
            round    | 1h      | 2024-01-01 13:00:00 +0000 UTC
            truncate | 15m     | 2024-01-01 12:30:00 +0000 UTC
            round    | 1s      | 2024-01-01 12:34:57 +0000 UTC
            round    | 100ms   | 2024-01-01 12:34:56.8 +0000 UTC
            truncate | 24h     | 2024-01-01 00:00:00 +0000 UTC
            round    | 0s      | 2024-01-01 12:34:56.789 +0000 UTC
            truncate | -1s     | 2024-01-01 12:34:56.789 +0000 UTC
            """)
    void roundAndTruncateWorkOnTheTimeSinceTheZeroTime(String op, String d, String expected) {
        assertThat(lua.text("time.date(2024, 1, 1, 12, 34, 56, 789000000, time.utc):" + op
                + "(time.parse_duration('" + d + "'))")).isEqualTo(expected);
    }

    @Test
    void roundingHalfwayRoundsUp() {
        assertThat(lua.text("time.date(2024, 1, 1, 0, 0, 1, 500000000, time.utc):round(time.parse_duration('1s'))"))
                .isEqualTo("2024-01-01 00:00:02 +0000 UTC");
    }

    @Test
    void roundAndTruncateRaiseForAnythingButADuration() {
        assertThatThrownBy(() -> lua.eval("time.unix(0, 0):round('1h')"))
                .isInstanceOf(LuaError.class).hasMessageContaining("Duration expected, got string");
        assertThatThrownBy(() -> lua.eval("time.unix(0, 0):truncate(1000)"))
                .isInstanceOf(LuaError.class).hasMessageContaining("Duration expected, got number");
    }

    @Test
    void methodsCheckTheirReceiver() {
        assertThatThrownBy(() -> lua.eval("time.unix(0, 0).year(time.parse_duration('1s'))"))
                .isInstanceOf(LuaError.class).hasMessageContaining("Time expected, got Duration");
    }
}
