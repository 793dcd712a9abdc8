package dev.wippy.runtime.queue;

import dev.wippy.lua.fuzz.ByteMutation;
import dev.wippy.lua.fuzz.TimeBound;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.LuaTrees;
import dev.wippy.runtime.values.MessagePackTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A queue body in either codec, with a few random edits, decodes to a frozen value that a handler can be given,
 * or fails with the codec's {@link IOException}: never another exception, never a hang.
 */
class QueueCodecFuzzTest {
    private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "null", "1e999");

    @Property(tries = 1500, seed = "1512")
    void aMutatedBodyDecodesOrFailsWithTheCodecsError(@ForAll("codecs") Codec codec,
                                                       @ForAll("values") Object value,
                                                       @ForAll("mutations") List<ByteMutation> mutations)
            throws Exception {
        byte[] body = ByteMutation.applyAll(codec.encode(value), mutations);
        try {
            TimeBound.call(Duration.ofSeconds(1), 0, () -> Frozen.thaw(codec.decode(body)));
            Statistics.collect(codec.name(), "decoded");
        } catch (IOException e) {
            Statistics.collect(codec.name(), "codec error");
        }
    }

    @Provide
    Arbitrary<Codec> codecs() {
        return Arbitraries.of(Codec.MSGPACK, Codec.JSON);
    }

    @Provide
    Arbitrary<Object> values() {
        return LuaTrees.values(3);
    }

    @Provide
    Arbitrary<List<ByteMutation>> mutations() {
        return ByteMutation.lists(Stream.concat(MessagePackTokens.ALL.stream(), JSON_TOKENS.stream()).toList(), 8);
    }
}
