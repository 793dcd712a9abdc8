package dev.wippy.workflow.core;

import dev.wippy.lua.fuzz.ByteMutation;
import dev.wippy.lua.fuzz.SeededTries;
import dev.wippy.lua.fuzz.TimeBound;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.LuaTrees;
import dev.wippy.runtime.values.MessagePackTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Durable values (what workflow history stores of Lua values) with a few random edits decode to values that Lua
 * code can be given, or fail with the codec's {@link DurableCodec.CorruptValue}: never another exception, never a
 * hang.
 */
class DurableCodecFuzzTest {
    /** Characters for error messages: ASCII, a quote, a control character, Latin-1 and beyond. */
    private static final String MESSAGE_CHARS = "ab Z9\"\n\u0000\u00e9\u4e2d";

    record MutatedEncoding(byte[] encoded, List<ByteMutation> mutations) {
        static MutatedEncoding of(Random random, byte[] encoded) {
            return new MutatedEncoding(encoded, ByteMutation.list(random, MessagePackTokens.ALL, 8));
        }

        byte[] mutated() {
            return ByteMutation.applyAll(encoded, mutations);
        }

        @Override
        public String toString() {
            return SeededTries.escaped(encoded) + " with " + mutations;
        }
    }

    @Test
    void aMutatedValueDecodesOrFailsWithTheCodecsError() {
        SeededTries.check(1513, 700, r -> MutatedEncoding.of(r, DurableCodec.encode(value(r))), input -> {
            try {
                TimeBound.call(Duration.ofSeconds(1), 0, () -> Frozen.thaw(DurableCodec.decode(input.mutated())));
            } catch (DurableCodec.CorruptValue e) {
                // the codec's own error: the one way a broken value may fail
            }
        });
    }

    @Test
    void aMutatedArgumentListDecodesOrFailsWithTheCodecsError() {
        SeededTries.check(1514, 400, r -> MutatedEncoding.of(r,
                DurableCodec.encodeAll(SeededTries.listOf(r, 0, 4, DurableCodecFuzzTest::value).toArray())), input -> {
            try {
                TimeBound.call(Duration.ofSeconds(1), 0,
                        () -> Frozen.thawAll(DurableCodec.decodeAll(input.mutated())));
            } catch (DurableCodec.CorruptValue e) {
                // the codec's own error: the one way a broken argument list may fail
            }
        });
    }

    /** Frozen Lua values, or error objects with details (which the codec takes as they are), alike often. */
    private static Object value(Random random) {
        if (random.nextBoolean()) {
            return Frozen.freeze(LuaTrees.value(random, 3));
        }
        String message = SeededTries.string(random, MESSAGE_CHARS, 8);
        return ErrorObject.of(ErrorObject.INTERNAL, message, Boolean.TRUE, Map.of("code", LuaString.of(message)));
    }
}
