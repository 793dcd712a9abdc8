package dev.wippy.runtime.queue;

import dev.wippy.lua.fuzz.ByteMutation;
import dev.wippy.lua.fuzz.SeededTries;
import dev.wippy.lua.fuzz.TimeBound;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.LuaTrees;
import dev.wippy.runtime.values.MessagePackTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A queue body in either codec, with a few random edits, decodes to a frozen value that a handler can be given,
 * or fails with the codec's {@link IOException}: never another exception, never a hang.
 */
class QueueCodecFuzzTest {
    private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "null", "1e999");
    private static final List<String> TOKENS = Stream.concat(MessagePackTokens.ALL.stream(), JSON_TOKENS.stream())
            .toList();

    record MutatedBody(Codec codec, byte[] body, List<ByteMutation> mutations) {
        static MutatedBody draw(Random random) {
            Codec codec = SeededTries.oneOf(random, List.of(Codec.MSGPACK, Codec.JSON));
            Object value = LuaTrees.value(random, 3);
            try {
                return new MutatedBody(codec, codec.encode(value), ByteMutation.list(random, TOKENS, 8));
            } catch (IOException e) {
                throw new UncheckedIOException("a sample that " + codec.name() + " refuses", e);
            }
        }

        @Override
        public String toString() {
            return codec.name() + " " + SeededTries.escaped(body) + " with " + mutations;
        }
    }

    @Test
    void aMutatedBodyDecodesOrFailsWithTheCodecsError() {
        SeededTries.check(1512, 1500, MutatedBody::draw, input -> {
            byte[] body = ByteMutation.applyAll(input.body(), input.mutations());
            try {
                TimeBound.call(Duration.ofSeconds(1), 0, () -> Frozen.thaw(input.codec().decode(body)));
            } catch (IOException e) {
                // the codec's own error: the one way a broken body may fail
            }
        });
    }
}
