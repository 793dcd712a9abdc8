package dev.wippy.workflow.core;

import dev.wippy.lua.fuzz.ByteMutation;
import dev.wippy.lua.fuzz.TimeBound;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.LuaTrees;
import dev.wippy.runtime.values.MessagePackTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Durable values (what workflow history stores of Lua values) with a few random edits decode to values that Lua
 * code can be given, or fail with the codec's {@link DurableCodec.CorruptValue}: never another exception, never a
 * hang.
 */
class DurableCodecFuzzTest {
    @Property(tries = 700, seed = "1513")
    void aMutatedValueDecodesOrFailsWithTheCodecsError(@ForAll("values") Object value,
                                                       @ForAll("mutations") List<ByteMutation> mutations)
            throws Exception {
        byte[] bytes = ByteMutation.applyAll(DurableCodec.encode(value), mutations);
        try {
            TimeBound.call(Duration.ofSeconds(1), 0, () -> Frozen.thaw(DurableCodec.decode(bytes)));
            Statistics.collect("decoded");
        } catch (DurableCodec.CorruptValue e) {
            Statistics.collect("codec error");
        }
    }

    @Property(tries = 400, seed = "1514")
    void aMutatedArgumentListDecodesOrFailsWithTheCodecsError(@ForAll("argumentLists") List<Object> arguments,
                                                              @ForAll("mutations") List<ByteMutation> mutations)
            throws Exception {
        byte[] bytes = ByteMutation.applyAll(DurableCodec.encodeAll(arguments.toArray()), mutations);
        try {
            TimeBound.call(Duration.ofSeconds(1), 0, () -> Frozen.thawAll(DurableCodec.decodeAll(bytes)));
            Statistics.collect("decoded");
        } catch (DurableCodec.CorruptValue e) {
            Statistics.collect("codec error");
        }
    }

    /** Frozen Lua values, and error objects with details (which the codec takes as they are). */
    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(LuaTrees.values(3).map(Frozen::freeze), Arbitraries.strings().ofMaxLength(8)
                .map(m -> ErrorObject.of(ErrorObject.INTERNAL, m, Boolean.TRUE, Map.of("code", LuaString.of(m)))));
    }

    @Provide
    Arbitrary<List<Object>> argumentLists() {
        return values().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<ByteMutation>> mutations() {
        return ByteMutation.lists(MessagePackTokens.ALL, 8);
    }
}
