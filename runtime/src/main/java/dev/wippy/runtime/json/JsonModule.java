package dev.wippy.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;

import java.io.IOException;

/**
 * The {@code json} module (spec 03 §3.8). Every function takes exactly its documented arguments (extra ones are
 * ignored) and reports failures as {@code nil, err}; none raises.
 */
public final class JsonModule {
    private static final LuaTable TABLE = new LuaTable();

    /** Provides the shared, read-only {@code json} table. */
    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        fn("encode", (s, a) -> {
            try {
                return JsonEncoder.encode(Args.arg(a, 0));
            } catch (IOException e) {
                return failure(ErrorObject.INTERNAL, e.getMessage());
            }
        });
        fn("decode", (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaString text)) {
                return failure(ErrorObject.INVALID, "string expected");
            }
            if (text.length() == 0) {
                return failure(ErrorObject.INVALID, "empty JSON input");
            }
            try {
                return JsonDecoder.decode(text);
            } catch (JsonFailure e) {
                return failure(ErrorObject.INTERNAL, e.getMessage());
            }
        });
        fn("validate", SchemaFunctions::validate);
        fn("validate_string", SchemaFunctions::validateString);
        TABLE.freeze();
    }

    private JsonModule() {
    }

    /** The JSON data format as the module reads and writes it, for {@link #encode} and {@link #decode}. */
    public static JsonFactory jsonFormat() {
        return Jackson.FACTORY;
    }

    /**
     * The bytes of a Lua value as {@code json.encode} would write it, in {@code format}: JSON, or a binary format
     * with JSON's data model such as MessagePack (queue codecs).
     *
     * @throws IOException for values the format cannot hold (cycles, too deep nesting)
     */
    public static byte[] encode(Object value, JsonFactory format) throws IOException {
        return JsonEncoder.encode(value, format);
    }

    /**
     * The Lua value of bytes written by {@link #encode} (or any producer of the format).
     *
     * @throws IOException for bytes that are not exactly one value
     */
    public static Object decode(byte[] bytes, JsonFactory format) throws IOException {
        return JsonDecoder.decode(bytes, format);
    }

    private static void fn(String name, JavaFunction.Body body) {
        TABLE.putStr(LuaString.of(name), new JavaFunction(name, body));
    }

    /** {@code nil, err}; none of the module's errors goes away by retrying. */
    static Object failure(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message, Boolean.FALSE, null));
    }
}
