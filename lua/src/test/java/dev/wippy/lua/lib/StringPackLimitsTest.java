package dev.wippy.lua.lib;

import dev.wippy.lua.LuaRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Sizes in pack formats that reach the limits of a string (found by StringLibraryFuzzTest). */
class StringPackLimitsTest {
    @Test
    void aFixedSizeBeyondTheLargestStringIsRefusedBeforeAnythingIsWritten() {
        String out = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> LuaRunner.run("""
                print(pcall(string.pack, "c2147483639", "x"))
                print(pcall(string.pack, "i4c2147483630", 1, "x"))
                """));
        assertThat(out).isEqualTo("""
                false\tbad argument #1 to 'string.pack' (format result too large)
                false\tbad argument #1 to 'string.pack' (format result too large)
                """);
    }

    @Test
    void aFixedSizeStringIsPaddedWithZeros() {
        assertThat(LuaRunner.run("""
                local s = string.pack(">c5", "ab")
                print(#s, s == "ab\\0\\0\\0", string.unpack(">c5", s) == s)
                """)).isEqualTo("5\ttrue\ttrue\n");
    }
}
