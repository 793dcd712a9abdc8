package dev.wippy.runtime.time;

import dev.wippy.lua.vm.LuaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Durations (spec 02 §5.3): Go's syntax in, Go's canonical text out. */
class TimeDurationTest {
    private final PureLua lua = new PureLua();

    @ParameterizedTest(name = "\"{0}\" is {1} ns and prints as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0                          | 0                    | 0s
            +0                         | 0                    | 0s
            -0                         | 0                    | 0s
            300ms                      | 300000000            | 300ms
            -1.5h                      | -5400000000000       | -1h30m0s
            2h45m                      | 9900000000000        | 2h45m0s
            1h30m45s500ms              | 5445500000000        | 1h30m45.5s
            100ns                      | 100                  | 100ns
            1.5us                      | 1500                 | 1.5µs
            1µs                        | 1000                 | 1µs
            1μs                        | 1000                 | 1µs
            .5s                        | 500000000            | 500ms
            1.s                        | 1000000000           | 1s
            +5s                        | 5000000000           | 5s
            90s                        | 90000000000          | 1m30s
            61m                        | 3660000000000        | 1h1m0s
            1.000000001s               | 1000000001           | 1.000000001s
            1.0000000009s              | 1000000000           | 1s
            1.234567ms                 | 1234567              | 1.234567ms
            3h2m1s4ms3us2ns            | 10921004003002       | 3h2m1.004003002s
            2562047h47m16.854775807s   | 9223372036854775807  | 2562047h47m16.854775807s
            -2562047h47m16.854775808s  | -9223372036854775808 | -2562047h47m16.854775808s
            """)
    void goDurationStringsParseAndPrint(String text, long nanos, String printed) {
        assertThat(DurationText.parse(text)).isEqualTo(nanos);
        assertThat(DurationText.format(nanos)).isEqualTo(printed);
        assertThat(lua.text("time.parse_duration('" + text + "')")).isEqualTo(printed);
    }

    @ParameterizedTest(name = "\"{0}\" is not a duration")
    @ValueSource(strings = {"", "1", "-", "+", "s", ".s", ".", "1x", "1d", "1h-2m", "1h 2m", "- 1s", "1e3s", "ms1",
        "2562047h47m16.854775808s", "9999999999999999999ns", "1.5"})
    void malformedStringsAreInvalid(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(DurationText.InvalidDuration.class);
        Object[] r = lua.run("local d, err = time.parse_duration('" + text + "') return d, err:kind(), err:retryable()");
        assertThat(r[0]).isNull();
        assertThat(r[1]).hasToString("Invalid");
        assertThat(r[2]).isEqualTo(false);
    }

    @Test
    void errorMessagesNameTheProblemLikeGo() {
        assertThat(lua.text("select(2, time.parse_duration('1'))"))
                .isEqualTo("time: missing unit in duration \"1\"");
        assertThat(lua.text("select(2, time.parse_duration('5x'))"))
                .isEqualTo("time: unknown unit \"x\" in duration \"5x\"");
        assertThat(lua.text("select(2, time.parse_duration(''))")).isEqualTo("time: invalid duration \"\"");
    }

    @Test
    void numbersAreNanosecondsAndFloatsAreTruncatedTowardZero() {
        assertThat(lua.text("time.parse_duration(1500)")).isEqualTo("1.5µs");
        assertThat(lua.text("time.parse_duration(5 * time.SECOND)")).isEqualTo("5s");
        assertThat(lua.text("time.parse_duration(2.9)")).isEqualTo("2ns");
        assertThat(lua.text("time.parse_duration(-2.9)")).isEqualTo("-2ns");
        assertThat(lua.eval("time.parse_duration(0/0)")).isNull();
        assertThat(lua.eval("time.parse_duration({})")).isNull();
    }

    @Test
    void aDurationArgumentMayBeADuration() {
        assertThat(lua.text("time.parse_duration(time.parse_duration('1m'))")).isEqualTo("1m0s");
    }

    @Test
    void unitAccessorsTruncateIntegersAndKeepFractionsInFloats() {
        lua.run("d = time.parse_duration('1h30m45s500ms')");
        assertThat(lua.eval("d:nanoseconds()")).isEqualTo(5_445_500_000_000L);
        assertThat(lua.eval("d:microseconds()")).isEqualTo(5_445_500_000L);
        assertThat(lua.eval("d:milliseconds()")).isEqualTo(5_445_500L);
        assertThat((Double) lua.eval("d:seconds()")).isEqualTo(5445.5);
        assertThat((Double) lua.eval("d:minutes()")).isCloseTo(90.758333, within(1e-6));
        assertThat((Double) lua.eval("d:hours()")).isCloseTo(1.512638, within(1e-6));
        assertThat(lua.eval("time.parse_duration('-1500us'):milliseconds()")).isEqualTo(-1L);
    }

    @Test
    void durationsCompareByValueAndSupportAdditionSubtractionAndNegation() {
        lua.run("a = time.parse_duration('90s') b = time.parse_duration('1m30s') c = time.parse_duration('2m')");
        assertThat(lua.eval("a == b")).isEqualTo(true);
        assertThat(lua.eval("a ~= c")).isEqualTo(true);
        assertThat(lua.eval("a < c and a <= b and not (c < a)")).isEqualTo(true);
        assertThat(lua.text("a + c")).isEqualTo("3m30s");
        assertThat(lua.text("a - c")).isEqualTo("-30s");
        assertThat(lua.text("-a")).isEqualTo("-1m30s");
        assertThat(lua.text("a + '500ms'")).isEqualTo("1m30.5s");
        assertThat(lua.text("a + 5 * time.SECOND")).isEqualTo("1m35s");
    }

    @Test
    void comparingADurationWithSomethingElseRaises() {
        assertThatThrownBy(() -> lua.eval("time.parse_duration('1s') < 5"))
                .isInstanceOf(LuaError.class).hasMessageContaining("attempt to compare Duration with number");
        assertThatThrownBy(() -> lua.eval("time.parse_duration('1s') + 'soon'"))
                .isInstanceOf(LuaError.class).hasMessageContaining("invalid duration");
    }
}
