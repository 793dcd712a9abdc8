package dev.wippy.runtime.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference layouts (spec 02 §5.5). Expected strings are what Go's {@code time.Time.Format} and {@code time.Parse}
 * produce for the same instants and layouts.
 */
class TimeLayoutTest {
    private final PureLua lua = new PureLua();

    {
        // Sunday, December 29th 2024, and Tuesday, March 5th 2024 (a leap year, day 65)
        lua.run("""
                sunday = time.date(2024, time.DECEMBER, 29, 15, 4, 5, 0, time.utc)
                march = time.date(2024, 3, 5, 9, 7, 8, 12345678, time.utc)
                india = time.fixed_zone("IST", 5 * 3600 + 30 * 60)
                ny = time.load_location("America/New_York")
                """);
    }

    /** A layout cell: a {@code time.X} constant, or the layout text itself. */
    private static String layout(String cell) {
        return cell.startsWith("time.") ? cell : "[==[" + cell + "]==]";
    }

    private String format(String time, String layoutCell) {
        return lua.text(time + ":format(" + layout(layoutCell) + ")");
    }

    @ParameterizedTest(name = "{0} formats as \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            'Mon Jan 2 15:04:05 MST 2006'       | Sun Dec 29 15:04:05 UTC 2024
            time.KITCHEN                        | 3:04PM
            time.RFC3339                        | 2024-12-29T15:04:05Z
            time.RFC3339NANO                    | 2024-12-29T15:04:05Z
            time.RFC822                         | 29 Dec 24 15:04 UTC
            time.RFC822Z                        | 29 Dec 24 15:04 +0000
            time.RFC850                         | Sunday, 29-Dec-24 15:04:05 UTC
            time.RFC1123                        | Sun, 29 Dec 2024 15:04:05 UTC
            time.RFC1123Z                       | Sun, 29 Dec 2024 15:04:05 +0000
            time.DATE_TIME                      | 2024-12-29 15:04:05
            time.DATE_ONLY                      | 2024-12-29
            time.TIME_ONLY                      | 15:04:05
            time.STAMP                          | Dec 29 15:04:05
            'Monday, January 2 2006 (day 002)'  | Sunday, December 29 2024 (day 364)
            '3:4:5 pm'                          | 3:4:5 pm
            '03 PM, _2 __2'                     | 03 PM, 29 364
            'Janet _2006'                       | Janet _2024
            '[.000][.999][,9]'                  | [.000][][]
            """)
    void formatsTheSunday(String layout, String expected) {
        assertThat(format("sunday", layout)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} formats as \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            time.STAMP                 | Mar  5 09:07:08
            time.STAMP_MILLI           | Mar  5 09:07:08.012
            time.STAMP_MICRO           | Mar  5 09:07:08.012345
            time.STAMP_NANO            | Mar  5 09:07:08.012345678
            time.RFC3339NANO           | 2024-03-05T09:07:08.012345678Z
            '2006-01-02 15:04:05,999'  | 2024-03-05 09:07:08,012
            '05.99999'                 | 08.01234
            '1/2/06 3:04:05 pm'        | 3/5/24 9:07:08 am
            '002 __2 _2 2'             | 065  65  5 5
            """)
    void formatsMarchWithFractionsAndPadding(String layout, String expected) {
        assertThat(format("march", layout)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} formats as \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Z07:00      | +05:30
            -0700       | +0530
            -07         | +05
            -07:00:00   | +05:30:00
            Z070000     | +053000
            MST         | IST
            """)
    void formatsNumericZonesOfAFixedZone(String layout, String expected) {
        assertThat(format("sunday:in_location(india)", layout)).isEqualTo(expected);
    }

    @Test
    void iso8601ZoneElementsWriteZForUtcWhileNumericOnesWriteTheOffset() {
        assertThat(format("sunday", "Z07:00|Z0700|Z07|-07:00|-0700")).isEqualTo("Z|Z|Z|+00:00|+0000");
    }

    @Test
    void tostringUsesGosDefaultLayoutWithTheZoneAbbreviation() {
        assertThat(lua.text("sunday")).isEqualTo("2024-12-29 15:04:05 +0000 UTC");
        assertThat(lua.text("march")).isEqualTo("2024-03-05 09:07:08.012345678 +0000 UTC");
        assertThat(lua.text("time.date(2024, 7, 4, 12, 0, 0, 500000000, ny)"))
                .isEqualTo("2024-07-04 12:00:00.5 -0400 EDT");
        assertThat(lua.text("time.date(2024, 1, 15, 12, 0, 0, 0, ny)")).isEqualTo("2024-01-15 12:00:00 -0500 EST");
    }

    @Test
    void zonesWithoutAnAbbreviationAreWrittenAsTheirOffset() {
        assertThat(lua.text("time.date(2024, 1, 15, 12, 0, 0, 0, time.load_location('Europe/Istanbul'))"))
                .isEqualTo("2024-01-15 12:00:00 +0300 +03");
        assertThat(lua.text("time.date(2024, 1, 15, 12, 0, 0, 0, time.fixed_zone('', 3600))"))
                .isEqualTo("2024-01-15 12:00:00 +0100 +0100");
    }

    @Test
    void formatRfc3339IsTheRfc3339Layout() {
        assertThat(lua.text("march:in_location(india):format_rfc3339()")).isEqualTo("2024-03-05T14:37:08+05:30");
    }

    // ---------------------------------------------------------------- parsing

    @ParameterizedTest(name = "parse({0}, \"{1}\") is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            time.RFC3339      | 2024-03-05T09:07:08Z                  | 2024-03-05 09:07:08 +0000 UTC
            time.RFC3339      | 2024-03-05T09:07:08.5Z                | 2024-03-05 09:07:08.5 +0000 UTC
            time.RFC3339NANO  | 2024-03-05T09:07:08.012345678+05:30   | 2024-03-05 09:07:08.012345678 +0530 +0530
            time.DATE_ONLY    | 2024-02-29                            | 2024-02-29 00:00:00 +0000 UTC
            time.TIME_ONLY    | 10:20:30                              | 0000-01-01 10:20:30 +0000 UTC
            time.TIME_ONLY    | 10:20:30.123                          | 0000-01-01 10:20:30.123 +0000 UTC
            time.KITCHEN      | 12:30AM                               | 0000-01-01 00:30:00 +0000 UTC
            time.KITCHEN      | 12:30PM                               | 0000-01-01 12:30:00 +0000 UTC
            time.KITCHEN      | 1:05PM                                | 0000-01-01 13:05:00 +0000 UTC
            time.RFC1123      | Tue, 05 Mar 2024 09:07:08 UTC         | 2024-03-05 09:07:08 +0000 UTC
            time.RFC1123      | Tue, 05 Mar 2024 09:07:08 XYZ         | 2024-03-05 09:07:08 +0000 XYZ
            time.RFC1123Z     | Tue, 05 Mar 2024 09:07:08 -0700       | 2024-03-05 09:07:08 -0700 -0700
            time.RFC850       | Tuesday, 05-Mar-24 09:07:08 UTC       | 2024-03-05 09:07:08 +0000 UTC
            time.RFC822       | 05 Mar 69 09:07 UTC                   | 1969-03-05 09:07:00 +0000 UTC
            time.STAMP        | Mar  5 09:07:08                       | 0000-03-05 09:07:08 +0000 UTC
            'Jan _2 2006'     | mar 5 2024                            | 2024-03-05 00:00:00 +0000 UTC
            '2006-002'        | 2024-060                              | 2024-02-29 00:00:00 +0000 UTC
            '2006-002'        | 2023-060                              | 2023-03-01 00:00:00 +0000 UTC
            '2006-01-02 15:04:05,000' | 2024-03-05 09:07:08,250       | 2024-03-05 09:07:08.25 +0000 UTC
            """)
    void parsesLikeGo(String layout, String value, String expected) {
        assertThat(lua.text("assert(time.parse(" + layout(layout) + ", '" + value + "'))")).isEqualTo(expected);
    }

    @Test
    void aLocationPlacesValuesWithoutZoneAndIsKeptWhenTheOffsetMatches() {
        assertThat(lua.text("time.parse(time.DATE_TIME, '2024-03-05 09:07:08', ny)"))
                .isEqualTo("2024-03-05 09:07:08 -0500 EST");
        assertThat(lua.text("time.parse(time.DATE_TIME, '2024-03-05 09:07:08', ny):location()"))
                .isEqualTo("America/New_York");
        assertThat(lua.text("time.parse(time.RFC3339, '2024-07-04T12:00:00-04:00', ny):location()"))
                .isEqualTo("America/New_York");
        assertThat(lua.text("time.parse(time.RFC3339, '2024-07-04T12:00:00+02:00', ny):location()")).isEmpty();
        assertThat(lua.text("time.parse(time.RFC1123, 'Thu, 04 Jul 2024 12:00:00 EDT', ny)"))
                .isEqualTo("2024-07-04 12:00:00 -0400 EDT");
        assertThat(lua.text("time.parse(time.RFC1123, 'Thu, 04 Jul 2024 12:00:00 EDT', ny):utc()"))
                .isEqualTo("2024-07-04 16:00:00 +0000 UTC");
    }

    @Test
    void formatThenParseGivesTheSameInstant() {
        for (String layout : new String[] {"time.RFC3339NANO", "time.STAMP_NANO .. ' 2006'", "'2006 002 15:04:05.000000000'"}) {
            assertThat(lua.eval("time.parse(" + layout + ", march:format(" + layout + ")):equal(march)"))
                    .as(layout).isEqualTo(true);
        }
        assertThat(lua.eval("time.parse(time.RFC1123Z, sunday:format(time.RFC1123Z)):equal(sunday)")).isEqualTo(true);
        assertThat(lua.eval("time.parse(time.RFC3339, march:in_location(ny):format(time.RFC3339)):unix()"))
                .isEqualTo(lua.eval("march:unix()"));
    }

    @ParameterizedTest(name = "parse({0}, \"{1}\") fails: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            time.DATE_ONLY  | 2024-02-30           | parsing time "2024-02-30": day out of range
            time.DATE_ONLY  | 2023-02-29           | parsing time "2023-02-29": day out of range
            time.DATE_ONLY  | 2024-13-01           | parsing time "2024-13-01": month out of range
            time.TIME_ONLY  | 25:00:00             | parsing time "25:00:00": hour out of range
            time.TIME_ONLY  | 10:61:00             | parsing time "10:61:00": minute out of range
            time.DATE_ONLY  | 2024-1-05            | parsing time "2024-1-05" as "2006-01-02": cannot parse "1-05" as "01"
            time.DATE_ONLY  | 2024-01-05x          | parsing time "2024-01-05x": extra text: "x"
            time.DATE_ONLY  | 2024/01/05           | parsing time "2024/01/05" as "2006-01-02": cannot parse "/01/05" as "-"
            time.RFC3339    | 2024-03-05T09:07:08  | parsing time "2024-03-05T09:07:08" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"
            time.KITCHEN    | 3:04XM               | parsing time "3:04XM" as "3:04PM": cannot parse "XM" as "PM"
            time.RFC1123    | Tue, 05 Mar 2024 09:07:08 utc | parsing time "Tue, 05 Mar 2024 09:07:08 utc" as "Mon, 02 Jan 2006 15:04:05 MST": cannot parse "utc" as "MST"
            '2006-002'      | 2023-366             | parsing time "2023-366": day-of-year out of range
            """)
    void mismatchesAreInvalidErrors(String layout, String value, String message) {
        Object[] r = lua.run("local t, err = time.parse(" + layout(layout) + ", '" + value + "') "
                + "return t, err:kind(), err:retryable(), err:message()");
        assertThat(r[0]).isNull();
        assertThat(r[1]).hasToString("Invalid");
        assertThat(r[2]).isEqualTo(false);
        assertThat(r[3]).hasToString(message);
    }
}
