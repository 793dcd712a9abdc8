package dev.wippy.runtime.json;

import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

import java.io.IOException;

/**
 * Checks that bytes are exactly one complete MessagePack value before a parser reads them. A parser allocates what a
 * header announces before it finds the bytes missing, so a corrupt header claiming a 2 GiB string failed with an
 * OutOfMemoryError; skipping over the value allocates nothing, and after the check every length fits in the bytes.
 */
public final class WholeMessagePack {
    private WholeMessagePack() {
    }

    /** @throws IOException naming what is wrong when {@code bytes} are not one complete MessagePack value */
    public static void check(byte[] bytes) throws IOException {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
            u.skipValue();
            if (u.hasNext()) {
                throw new IOException("unexpected bytes after the MessagePack value at offset "
                        + u.getTotalReadBytes());
            }
        } catch (MessagePackException e) {
            throw new IOException("not a complete MessagePack value: " + e.getMessage());
        }
    }
}
