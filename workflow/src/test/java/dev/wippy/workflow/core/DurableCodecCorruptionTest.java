package dev.wippy.workflow.core;

import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bytes that are not a durable value fail as {@link DurableCodec.CorruptValue} (found by DurableCodecFuzzTest). */
class DurableCodecCorruptionTest {
    @Test
    void aBinaryHeaderClaimingTwoGibibytesIsCorruptNotAnOutOfMemoryError() {
        byte[] bytes = {(byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a'};
        assertThatThrownBy(() -> DurableCodec.decode(bytes)).isInstanceOf(DurableCodec.CorruptValue.class);
    }

    /** map32 announcing 2^31 - 1 entries: the library's skipValue overflows counting them and lets it pass. */
    @Test
    void aMapHeaderClaimingTwoBillionEntriesIsCorruptNotAnOutOfMemoryError() {
        byte[] bytes = {(byte) 0xdf, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x01};
        assertThatThrownBy(() -> DurableCodec.decode(bytes)).isInstanceOf(DurableCodec.CorruptValue.class);
    }

    @Test
    void anErrorWhoseRetryableFlagIsNotABooleanIsCorruptNotAClassCastException() throws IOException {
        MessageBufferPacker body = MessagePack.newDefaultBufferPacker();
        body.packArrayHeader(4).packString("Internal").packString("boom").packString("yes").packNil();
        byte[] inner = body.toByteArray();
        MessageBufferPacker outer = MessagePack.newDefaultBufferPacker();
        outer.packExtensionTypeHeader((byte) 1, inner.length).writePayload(inner);
        assertThatThrownBy(() -> DurableCodec.decode(outer.toByteArray()))
                .isInstanceOf(DurableCodec.CorruptValue.class).hasMessageContaining("retryable");
    }

    @Test
    void aTableWithANilKeyIsCorrupt() throws IOException {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packMapHeader(1).packNil().packLong(1);
        assertThatThrownBy(() -> DurableCodec.decode(p.toByteArray()))
                .isInstanceOf(DurableCodec.CorruptValue.class).hasMessageContaining("nil or NaN");
    }

    @Test
    void anArgumentListKeyedByNamesIsCorruptNotAClassCastException() {
        byte[] named = DurableCodec.encode(new dev.wippy.runtime.values.FrozenTable(
                new Object[] {LuaString.of("a")}, new Object[] {1L}));
        assertThatThrownBy(() -> DurableCodec.decodeAll(named)).isInstanceOf(DurableCodec.CorruptValue.class);
    }

    @Test
    void encodedArgumentsStillDecode() {
        assertThat(DurableCodec.decodeAll(DurableCodec.encodeAll(new Object[] {1L, LuaString.of("x"), null})))
                .containsExactly(1L, LuaString.of("x"), null);
    }
}
