package dev.wippy.runtime.json;

import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

import java.io.IOException;

/**
 * Checks that bytes are exactly one complete MessagePack value before a parser reads them. A parser allocates what a
 * header announces before it finds the bytes missing, so a corrupt header claiming a 2 GiB string failed with an
 * OutOfMemoryError; walking over the value allocates nothing, and after the check every length fits in the bytes.
 * The library's own {@code skipValue} cannot be the walk: it counts a map's entries times two in an int, so a map
 * header claiming 2^30 entries or more passes.
 */
public final class WholeMessagePack {
    private WholeMessagePack() {
    }

    /** @throws IOException naming what is wrong when {@code bytes} are not one complete MessagePack value */
    public static void check(byte[] bytes) throws IOException {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
            long pending = 1;
            while (pending > 0) {
                pending--;
                switch (u.getNextFormat().getValueType()) {
                    case ARRAY -> pending += u.unpackArrayHeader();
                    case MAP -> pending += 2L * u.unpackMapHeader();
                    default -> u.skipValue();
                }
                // every value takes at least one byte
                if (pending > bytes.length - u.getTotalReadBytes()) {
                    throw new IOException("a MessagePack container claims more values than there are bytes");
                }
            }
            if (u.hasNext()) {
                throw new IOException("unexpected bytes after the MessagePack value at offset "
                        + u.getTotalReadBytes());
            }
        } catch (MessagePackException e) {
            throw new IOException("not a complete MessagePack value: " + e.getMessage());
        }
    }
}
