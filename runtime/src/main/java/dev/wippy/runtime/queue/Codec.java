package dev.wippy.runtime.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.wippy.runtime.json.JsonModule;
import dev.wippy.runtime.values.Frozen;
import org.msgpack.jackson.dataformat.MessagePackFactory;

import java.io.IOException;

/**
 * How a queue encodes bodies for its driver (spec 04 §1.2): {@code json/plain} or {@code application/msgpack}.
 * Both write Lua values the way {@code json.encode} does (arrays versus objects, float text), MessagePack in its
 * binary form.
 */
final class Codec {
    static final Codec JSON = new Codec("json/plain", JsonModule.jsonFormat());
    /** With shared buffers: the default pool is per thread, and consumers run on short-lived virtual threads. */
    static final Codec MSGPACK = new Codec("application/msgpack",
            new MessagePackFactory().setRecyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()));

    private final String name;
    private final JsonFactory format;

    private Codec(String name, JsonFactory format) {
        this.name = name;
        this.format = format;
    }

    /** The codec called {@code name}, or null when there is none. */
    static Codec named(String name) {
        return switch (name) {
            case "json/plain" -> JSON;
            case "application/msgpack" -> MSGPACK;
            default -> null;
        };
    }

    String name() {
        return name;
    }

    /**
     * The body for a Lua value (a live or a frozen one).
     *
     * @throws IOException for values the codec cannot hold
     */
    byte[] encode(Object value) throws IOException {
        return JsonModule.encode(Frozen.thaw(value), format);
    }

    /**
     * The frozen value of a body, ready to be an argument of a handler.
     *
     * @throws IOException for bytes that are not one value of the codec
     */
    Object decode(byte[] body) throws IOException {
        return Frozen.freeze(JsonModule.decode(body, format));
    }
}
