package dev.wippy.runtime.json;

import dev.wippy.lua.Lua;
import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.fuzz.ByteMutation;
import dev.wippy.lua.fuzz.SeededTries;
import dev.wippy.lua.fuzz.TimeBound;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.values.LuaTrees;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code json.decode} of JSON text with a few random edits returns a value (which {@code json.encode} takes
 * without raising) or nil and an error object: it never raises, never lets a Java exception out, never hangs.
 */
class JsonDecodeFuzzTest {
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD800",
            "\\ud83d\\ude00", "null", "true", "false", "-", "0", "-0", "1e999", "1e-999", "0.", ".5", "01", "NaN",
            "Infinity", "99999999999999999999999", "1".repeat(1200), "[".repeat(200), "{\"a\":".repeat(130), " ",
            "\n", "\u0000", "\u00ff", "\u00c3", "/*", "//", "'");
    /** Decodes the global {@code text} and encodes what it got, saying which way it went. */
    private static final CompiledChunk DECODE = Lua.compile("""
            local value, err = json.decode(text)
            if err ~= nil then
                return "failed", err
            end
            json.encode(value)
            return "decoded"
            """, "decode");
    private final JsonLua lua = new JsonLua();

    record MutatedDocument(byte[] document, List<ByteMutation> mutations) {
        static MutatedDocument draw(Random random) {
            return new MutatedDocument(encode(LuaTrees.value(random, 3)), ByteMutation.list(random, TOKENS, 8));
        }

        @Override
        public String toString() {
            return SeededTries.escaped(document) + " with " + mutations;
        }
    }

    @Test
    void aMutatedDocumentDecodesOrFailsWithAnErrorObject() {
        SeededTries.check(1511, 700, MutatedDocument::draw, input -> {
            lua.state.globals().putStr(LuaString.of("text"),
                    LuaString.wrap(ByteMutation.applyAll(input.document(), input.mutations())));
            Object[] r = TimeBound.call(Duration.ofSeconds(1), 0,
                    () -> DECODE.instantiate(lua.state.globals()).invoke(lua.state));
            if (r[0].toString().equals("failed")) {
                assertThat(r[1]).isInstanceOf(ErrorObject.class);
            }
        });
    }

    private static byte[] encode(Object value) {
        try {
            return JsonEncoder.encode(value, Jackson.FACTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("a sample that json.encode refuses: " + value, e);
        }
    }
}
