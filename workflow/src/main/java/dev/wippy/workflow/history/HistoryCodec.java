package dev.wippy.workflow.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.wippy.runtime.json.WholeMessagePack;
import org.msgpack.core.MessagePack;
import org.msgpack.jackson.dataformat.MessagePackFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** History records as bytes (MessagePack through Jackson) for storage. */
public final class HistoryCodec {
    /**
     * Small buffers, none kept per thread: records are encoded on short-lived virtual threads, where a buffer kept
     * in a thread-local would be allocated afresh each time anyway.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(factory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<HistoryEvent>> LIST = new TypeReference<>() {
    };
    private static final ObjectWriter LIST_WRITER = MAPPER.writerFor(LIST);

    private HistoryCodec() {
    }

    private static MessagePackFactory factory() {
        MessagePackFactory f = new MessagePackFactory(new MessagePack.PackerConfig().withBufferSize(512))
                .setReuseResourceInGenerator(false).setReuseResourceInParser(false);
        f.setRecyclerPool(JsonRecyclerPools.sharedConcurrentDequePool());
        return f;
    }

    public static byte[] encode(HistoryEvent e) {
        try {
            return MAPPER.writeValueAsBytes(e);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** The records of one step (or the start record alone), stored together. */
    public static byte[] encodeList(List<HistoryEvent> records) {
        try {
            return LIST_WRITER.writeValueAsBytes(records);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /**
     * @throws CorruptHistory when the bytes are not history records of this runtime (checked whole first: the
     *                        parser allocates what a corrupt header claims before it finds the bytes missing)
     */
    public static List<HistoryEvent> decodeList(byte[] bytes) {
        try {
            WholeMessagePack.check(bytes);
            return MAPPER.readValue(bytes, LIST);
        } catch (IOException | RuntimeException x) {
            throw new CorruptHistory("unreadable history records: " + x.getMessage());
        }
    }

    /**
     * @throws CorruptHistory when the bytes are not a history record of this runtime
     */
    public static HistoryEvent decode(byte[] bytes) {
        try {
            WholeMessagePack.check(bytes);
            return MAPPER.readValue(bytes, HistoryEvent.class);
        } catch (IOException | RuntimeException x) {
            throw new CorruptHistory("unreadable history record: " + x.getMessage());
        }
    }

    /** Stored history that this runtime cannot read. */
    public static final class CorruptHistory extends RuntimeException {
        public CorruptHistory(String message) {
            super(message);
        }
    }
}
