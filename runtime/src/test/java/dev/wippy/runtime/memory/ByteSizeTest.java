package dev.wippy.runtime.memory;

import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sizes as configuration writes them: bytes, or a number with a 1024-based unit. */
class ByteSizeTest {
    @ParameterizedTest
    @CsvSource({
        "100, 100",
        "64MB, 67108864",
        "64mb, 67108864",
        "64 MiB, 67108864",
        "512KB, 524288",
        "1.5GB, 1610612736",
        "2TB, 2199023255552",
        "10B, 10",
    })
    void sizeStringsAreBytesTimesTheirUnit(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
        assertThat(ByteSize.parse(LuaString.of(text))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0MB", "lots", "-5MB", "64XB", "MB", "1e6", "0.5"})
    void anythingElseIsRefusedSayingWhatWasGiven(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(ByteSize.Invalid.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void numbersMustBeAtLeastOneByte(long n) {
        assertThatThrownBy(() -> ByteSize.parse(n)).isInstanceOf(ByteSize.Invalid.class)
                .hasMessageContaining("at least 1 byte");
    }

    @Test
    void integersAndWholeNumbersAreBytes() {
        assertThat(ByteSize.parse(4096L)).isEqualTo(4096L);
        assertThat(ByteSize.parse(4096.0)).isEqualTo(4096L);
        assertThat(ByteSize.parse(4096)).isEqualTo(4096L);
    }

    @Test
    void otherValuesAreRefused() {
        assertThatThrownBy(() -> ByteSize.parse(true)).isInstanceOf(ByteSize.Invalid.class)
                .hasMessageContaining("got true");
        assertThatThrownBy(() -> ByteSize.parse(Double.NaN)).isInstanceOf(ByteSize.Invalid.class)
                .hasMessageContaining("got NaN");
    }
}
