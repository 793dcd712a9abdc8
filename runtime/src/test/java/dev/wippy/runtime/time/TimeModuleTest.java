package dev.wippy.runtime.time;

import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module surface (spec 02 §5.2, §5.7, §5.8): constants, error kinds, and the pluggable time host. */
class TimeModuleTest {
    private final PureLua lua = new PureLua();

    @Test
    void everyRequireGetsTheSameReadOnlyTable() {
        assertThat(TimeModule.PROVIDER.load(lua.state)).isSameAs(TimeModule.TABLE);
        assertThatThrownBy(() -> lua.run("time.now = nil")).isInstanceOf(LuaError.class);
    }

    @ParameterizedTest(name = "time.{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NANOSECOND  | 1
            MICROSECOND | 1000
            MILLISECOND | 1000000
            SECOND      | 1000000000
            MINUTE      | 60000000000
            HOUR        | 3600000000000
            JANUARY     | 1
            MAY         | 5
            DECEMBER    | 12
            SUNDAY      | 0
            WEDNESDAY   | 3
            SATURDAY    | 6
            """)
    void integerConstants(String name, long value) {
        assertThat(lua.eval("time." + name)).isEqualTo(value);
    }

    @ParameterizedTest(name = "time.{0} = \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            RFC3339     | 2006-01-02T15:04:05Z07:00
            RFC3339NANO | 2006-01-02T15:04:05.999999999Z07:00
            RFC822      | 02 Jan 06 15:04 MST
            RFC822Z     | 02 Jan 06 15:04 -0700
            RFC850      | Monday, 02-Jan-06 15:04:05 MST
            RFC1123     | Mon, 02 Jan 2006 15:04:05 MST
            RFC1123Z    | Mon, 02 Jan 2006 15:04:05 -0700
            DATE_TIME   | 2006-01-02 15:04:05
            DATE_ONLY   | 2006-01-02
            TIME_ONLY   | 15:04:05
            KITCHEN     | 3:04PM
            STAMP       | Jan _2 15:04:05
            STAMP_MILLI | Jan _2 15:04:05.000
            STAMP_MICRO | Jan _2 15:04:05.000000
            STAMP_NANO  | Jan _2 15:04:05.000000000
            """)
    void layoutConstants(String name, String value) {
        assertThat(lua.eval("time." + name)).hasToString(value);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            time.load_location('')              | Invalid
            time.load_location('Mars/Olympus')  | NotFound
            time.timer(0)                       | Invalid
            time.timer('-1s')                   | Invalid
            time.timer('soon')                  | Invalid
            time.ticker(0)                      | Invalid
            time.ticker({})                     | Invalid
            time.sleep('soon')                  | Invalid
            time.after('soon')                  | Invalid
            time.unix(0, 0):add('soon')         | Invalid
            """)
    void failuresAreReturnedAsNonRetryableErrors(String call, String kind) {
        Object[] r = lua.run("local v, err = " + call + " return v, err:kind(), err:retryable()");
        assertThat(r).containsExactly(null, LuaString.of(kind), false);
    }

    @Test
    void anUnknownLocationSaysNotFound() {
        assertThat(lua.text("select(2, time.load_location('Mars/Olympus'))")).contains("not found");
    }

    @Test
    void sleepingForNothingReturnsAtOnceWithoutAnExecution() {
        assertThat(lua.run("return time.sleep(0)")).isEmpty();
        assertThat(lua.run("return time.sleep('-5s')")).isEmpty();
    }

    @Test
    void timeNowComesFromTheInstalledHost() {
        Instant fixed = Instant.parse("2024-03-05T09:07:08.5Z");
        TimeHost.install(lua.state, new FixedHost(fixed));
        assertThat(lua.text("time.now():utc()")).isEqualTo("2024-03-05 09:07:08.5 +0000 UTC");
        assertThat(lua.eval("time.now():location() == time.localtz")).isEqualTo(true);
    }

    @Test
    void sleepGoesThroughTheInstalledHost() {
        FixedHost host = new FixedHost(Instant.EPOCH);
        TimeHost.install(lua.state, host);
        lua.run("time.sleep('1m30s') time.sleep(250)");
        assertThat(host.slept).containsExactly(90_000_000_000L, 250L);
    }

    @Test
    void withoutAHostOrAnExecutionTheClockIsUnavailable() {
        assertThatThrownBy(() -> lua.eval("time.now()"))
                .isInstanceOf(LuaError.class).hasMessageContaining("no execution context");
    }

    /** A host with a stopped clock that records sleeps instead of waiting, like a replaying workflow would. */
    private static final class FixedHost implements TimeHost {
        private final Instant now;
        final List<Long> slept = new ArrayList<>();

        FixedHost(Instant now) {
            this.now = now;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            slept.add(nanos);
        }

        @Override
        public Cancellable schedule(long delayNanos, Runnable action) {
            throw new UnsupportedOperationException();
        }
    }
}
