package dev.wippy.workflow.history;

import java.util.List;

/**
 * The records of one step (or the start record alone) with their stored bytes: encoded once, the same bytes are
 * written to storage and count towards the history size, so live runs and replays see the same size.
 */
public record StoredStep(List<HistoryEvent> records, byte[] encoded) {
    public static StoredStep of(List<HistoryEvent> records) {
        return new StoredStep(records, HistoryCodec.encodeList(records));
    }

    /** @throws HistoryCodec.CorruptHistory when the bytes are not history records of this runtime */
    public static StoredStep decode(byte[] encoded) {
        return new StoredStep(HistoryCodec.decodeList(encoded), encoded);
    }
}
