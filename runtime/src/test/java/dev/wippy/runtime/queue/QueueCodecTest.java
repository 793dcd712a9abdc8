package dev.wippy.runtime.queue;

import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Corrupt MessagePack bodies are codec errors, whatever their headers claim (found by QueueCodecFuzzTest). */
class QueueCodecTest {
    /** str32 announcing 2^31 - 1 bytes, followed by one. */
    private static final byte[] HUGE_STRING = {(byte) 0xdb, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a'};

    @Test
    void aStringHeaderClaimingTwoGibibytesIsACodecErrorNotAnOutOfMemoryError() {
        assertThatThrownBy(() -> Codec.MSGPACK.decode(HUGE_STRING)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a complete MessagePack value");
    }

    @Test
    void bytesAfterTheValueAreACodecErrorEvenWhenTheyClaimTwoGibibytes() throws IOException {
        byte[] one = Codec.MSGPACK.encode(LuaString.of("ok"));
        byte[] body = new byte[one.length + HUGE_STRING.length];
        System.arraycopy(one, 0, body, 0, one.length);
        System.arraycopy(HUGE_STRING, 0, body, one.length, HUGE_STRING.length);
        assertThatThrownBy(() -> Codec.MSGPACK.decode(body)).isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected bytes after the MessagePack value");
    }

    @Test
    void aMapWithANilKeyIsACodecErrorNotANullPointerException() {
        byte[] nilKey = {(byte) 0x81, (byte) 0xc0, (byte) 0xc0};
        assertThatThrownBy(() -> Codec.MSGPACK.decode(nilKey)).isInstanceOf(IOException.class);
    }

    @Test
    void aMapWithAnArrayKeyIsACodecError() {
        byte[] arrayKey = {(byte) 0x81, (byte) 0x90, 0x01};
        assertThatThrownBy(() -> Codec.MSGPACK.decode(arrayKey)).isInstanceOf(IOException.class);
    }

    @Test
    void aWholeBodyStillDecodes() throws IOException {
        assertThat(Codec.MSGPACK.decode(Codec.MSGPACK.encode(LuaString.of("ok")))).isEqualTo(LuaString.of("ok"));
    }
}
