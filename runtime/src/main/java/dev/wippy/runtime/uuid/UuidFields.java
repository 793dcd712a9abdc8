package dev.wippy.runtime.uuid;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/** What {@code uuid.version}, {@code uuid.variant} and {@code uuid.parse} read out of a UUID (spec 03 §3.9). */
final class UuidFields {
    private static final int NODE_BYTES = 6;

    private UuidFields() {
    }

    /** The version nibble, whatever the variant: 0 for the nil UUID, up to 15. */
    static long version(UUID id) {
        return id.version();
    }

    /** The variant named after the top bits of byte 8, which {@link UUID#variant} already classifies. */
    static String variant(UUID id) {
        return switch (id.variant()) {
            case 2 -> "RFC4122";
            case 6 -> "Microsoft";
            case 7 -> "Future";
            default -> "Reserved";
        };
    }

    /** {@code {version, variant}}, plus {@code timestamp} for versions 1 and 7 and {@code node} for version 1. */
    static LuaTable table(UUID id) {
        LuaTable t = new LuaTable(0, 4);
        t.putStr(LuaString.of("version"), version(id));
        t.putStr(LuaString.of("variant"), LuaString.of(variant(id)));
        if (id.version() == 1) {
            t.putStr(LuaString.of("timestamp"), TimeUuids.v1Seconds(id));
            t.putStr(LuaString.of("node"), LuaString.wrap(node(id)));
        } else if (id.version() == 7) {
            t.putStr(LuaString.of("timestamp"), TimeUuids.v7Seconds(id));
        }
        return t;
    }

    /** The 48-bit node ID as six big-endian bytes. */
    private static byte[] node(UUID id) {
        byte[] low = ByteBuffer.allocate(Long.BYTES).putLong(id.node()).array();
        return Arrays.copyOfRange(low, Long.BYTES - NODE_BYTES, Long.BYTES);
    }
}
