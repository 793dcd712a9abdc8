package dev.wippy.workflow.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bytes that are not history records fail as corrupt history (found by HistoryCodecFuzzTest). */
class HistoryCodecCorruptionTest {
    @Test
    void aStringHeaderClaimingTwoGibibytesIsCorruptHistoryNotAnOutOfMemoryError() {
        // a one-element array whose element is a str32 announcing 2^31 - 1 bytes, followed by one
        byte[] bytes = {(byte) 0x91, (byte) 0xdb, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a'};
        assertThatThrownBy(() -> HistoryCodec.decodeList(bytes)).isInstanceOf(HistoryCodec.CorruptHistory.class);
    }
}
