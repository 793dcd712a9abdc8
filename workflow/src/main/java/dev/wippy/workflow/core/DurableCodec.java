package dev.wippy.workflow.core;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.json.WholeMessagePack;
import dev.wippy.runtime.time.DurationValue;
import dev.wippy.runtime.time.TimeValue;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.FrozenTable;
import dev.wippy.runtime.values.Payload;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Frozen Lua values as bytes for history (spec 05 §3.13): nil, booleans, integers and floats (subtype kept),
 * strings as raw bytes, tables with any keys, error objects with kind, message, retryable flag and details. A
 * {@code Time} travels as its RFC 3339 text in UTC with nanoseconds, a {@code Duration} as integer nanoseconds, a
 * Payload as its data. Anything else cannot cross the durable boundary.
 */
public final class DurableCodec {
    private static final byte ERROR = 1;
    private static final DateTimeFormatter RFC3339_NANOS = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    /** Most values are small; the default 8 KiB buffer per encoding costs more than the packing itself. */
    private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withBufferSize(256);

    private DurableCodec() {
    }

    /**
     * Encodes a frozen value.
     *
     * @throws Frozen.NotTransferable for a value that cannot cross the durable boundary
     */
    public static byte[] encode(Object frozen) {
        try (MessageBufferPacker p = PACKER.newBufferPacker()) {
            pack(p, frozen);
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code frozen} can cross the durable boundary. */
    public static boolean canEncode(Object frozen) {
        try {
            encode(frozen);
            return true;
        } catch (Frozen.NotTransferable e) {
            return false;
        }
    }

    /** Encodes each of {@code values} into one array. */
    public static byte[] encodeAll(Object[] frozen) {
        return encode(new FrozenTable(indexes(frozen.length), frozen));
    }

    /**
     * The frozen value of {@code bytes}.
     *
     * @throws CorruptValue when the bytes are not a durable value
     */
    public static Object decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
            WholeMessagePack.check(bytes);
            return unpack(u);
        } catch (IOException | RuntimeException e) {
            // MessagePack's own failures are runtime exceptions (a short buffer, a wrong type)
            throw new CorruptValue(e.getMessage());
        }
    }

    /**
     * The values {@link #encodeAll} encoded.
     *
     * @throws CorruptValue when the bytes are not values encoded so
     */
    public static Object[] decodeAll(byte[] bytes) {
        if (!(decode(bytes) instanceof FrozenTable t)) {
            return new Object[0];
        }
        Object[] out = new Object[t.size()];
        for (int i = 0; i < t.size(); i++) {
            if (!(t.keys()[i] instanceof Long k) || k < 1 || k > out.length) {
                throw new CorruptValue("argument list with the key " + t.keys()[i]);
            }
            out[(int) (k - 1)] = t.values()[i];
        }
        return out;
    }

    private static Object[] indexes(int n) {
        Object[] keys = new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) i + 1;
        }
        return keys;
    }

    private static void pack(MessageBufferPacker p, Object v) throws IOException {
        switch (v) {
            case null -> p.packNil();
            case Boolean b -> p.packBoolean(b);
            case Long l -> p.packLong(l);
            case Double d -> p.packDouble(d);
            case LuaString s -> {
                byte[] b = s.rawBytes();
                p.packBinaryHeader(b.length);
                p.writePayload(b);
            }
            case FrozenTable t -> {
                p.packMapHeader(t.size());
                for (int i = 0; i < t.size(); i++) {
                    pack(p, t.keys()[i]);
                    pack(p, t.values()[i]);
                }
            }
            case ErrorObject e -> {
                byte[] body;
                try (MessageBufferPacker inner = PACKER.newBufferPacker()) {
                    inner.packArrayHeader(4);
                    inner.packString(e.kind());
                    inner.packString(e.fullText());
                    pack(inner, e.retryable());
                    pack(inner, e.details() == null ? null : detailsTable(e.details()));
                    body = inner.toByteArray();
                }
                p.packExtensionTypeHeader(ERROR, body.length);
                p.writePayload(body);
            }
            case TimeValue t -> pack(p, LuaString.of(RFC3339_NANOS.format(t.instant())));
            case DurationValue d -> p.packLong(d.nanos());
            case Payload payload -> pack(p, payload.frozen());
            default -> throw new Frozen.NotTransferable("cannot store a " + v.getClass().getSimpleName()
                    + " value in workflow history");
        }
    }

    private static FrozenTable detailsTable(Map<String, Object> details) {
        Object[] keys = new Object[details.size()];
        Object[] values = new Object[details.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : details.entrySet()) {
            keys[i] = LuaString.of(e.getKey());
            values[i++] = e.getValue();
        }
        return new FrozenTable(keys, values);
    }

    private static Object unpack(MessageUnpacker u) throws IOException {
        ValueType type = u.getNextFormat().getValueType();
        return switch (type) {
            case NIL -> {
                u.unpackNil();
                yield null;
            }
            case BOOLEAN -> u.unpackBoolean();
            case INTEGER -> u.unpackLong();
            case FLOAT -> u.unpackDouble();
            case BINARY -> LuaString.wrap(u.readPayload(u.unpackBinaryHeader()));
            case STRING -> LuaString.of(u.unpackString());
            case MAP -> {
                int n = u.unpackMapHeader();
                Object[] keys = new Object[n];
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = unpack(u);
                    if (keys[i] == null || keys[i] instanceof Double d && d.isNaN()) {
                        throw new IOException("a table key that is nil or NaN");
                    }
                    values[i] = unpack(u);
                }
                yield new FrozenTable(keys, values);
            }
            case EXTENSION -> {
                ExtensionTypeHeader header = u.unpackExtensionTypeHeader();
                if (header.getType() != ERROR) {
                    throw new IOException("unexpected extension type " + header.getType() + " in workflow history");
                }
                byte[] body = u.readPayload(header.getLength());
                WholeMessagePack.check(body);
                try (MessageUnpacker inner = MessagePack.newDefaultUnpacker(body)) {
                    inner.unpackArrayHeader();
                    String kind = inner.unpackString();
                    String message = inner.unpackString();
                    Object retryable = unpack(inner);
                    if (retryable != null && !(retryable instanceof Boolean)) {
                        throw new IOException("an error whose retryable flag is not a boolean");
                    }
                    Map<String, Object> details = unpack(inner) instanceof FrozenTable t
                            ? new LinkedHashMap<>(t.asStringMap()) : null;
                    yield ErrorObject.of(kind, message, (Boolean) retryable, details);
                }
            }
            default -> throw new IOException("unexpected " + type + " in workflow history");
        };
    }

    /** Stored bytes that are not a durable value of this runtime (spec 05 §3.13). */
    public static final class CorruptValue extends RuntimeException {
        public CorruptValue(String message) {
            super("unreadable durable value: " + message);
        }
    }
}
