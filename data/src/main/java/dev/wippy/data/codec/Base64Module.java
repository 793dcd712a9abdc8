package dev.wippy.data.codec;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/** The {@code base64} module (spec 08 §8.2): standard alphabet with padding; decoding skips only CR and LF. */
public final class Base64Module {
    private static final LuaTable TABLE = new LuaTable();

    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        TABLE.putStr(LuaString.of("encode"), new JavaFunction("base64.encode", (s, a) ->
                Args.arg(a, 0) instanceof LuaString text
                        ? LuaString.ofLatin1(Base64.getEncoder().encodeToString(text.toByteArray()))
                        : Codecs.failure(ErrorObject.INVALID, "string expected")));
        TABLE.putStr(LuaString.of("decode"), new JavaFunction("base64.decode", (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaString text)) {
                return Codecs.failure(ErrorObject.INVALID, "string expected");
            }
            ByteArrayOutputStream clean = new ByteArrayOutputStream(text.length());
            for (int i = 0; i < text.length(); i++) {
                int b = text.byteAt(i);
                if (b != '\r' && b != '\n') {
                    clean.write(b);
                }
            }
            byte[] bytes = clean.toByteArray();
            if (bytes.length % 4 != 0) {
                return Codecs.failure(ErrorObject.INVALID, "illegal base64 data: length " + bytes.length
                        + " is not a multiple of 4");
            }
            try {
                return LuaString.wrap(Base64.getDecoder().decode(bytes));
            } catch (IllegalArgumentException e) {
                return Codecs.failure(ErrorObject.INVALID, "illegal base64 data: " + e.getMessage());
            }
        }));
        TABLE.freeze();
    }

    private Base64Module() {
    }
}
