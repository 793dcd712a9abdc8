package dev.wippy.lua.fuzz;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;

/** Arbitrary Lua values as library functions receive them, weighted towards the corners of each type. */
final class LuaValues {
    private LuaValues() {
    }

    static Arbitrary<Object> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, integers().map(Object.class::cast)),
                Tuple.of(3, floats().map(Object.class::cast)),
                Tuple.of(4, strings(Arbitraries.strings().withChars("ab1 %.-\u0000\u00ff\n")
                        .ofMaxLength(12)).map(Object.class::cast)),
                Tuple.of(2, numericStrings().map(Object.class::cast)),
                Tuple.of(1, Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(Object.class::cast)),
                Tuple.of(1, Arbitraries.create(LuaTable::new).map(Object.class::cast))).injectNull(0.05);
    }

    static Arbitrary<Long> integers() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-300, 300), Arbitraries.longs(),
                Arbitraries.of(0L, -1L, 1L, 255L, 256L, 65536L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE,
                        Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53));
    }

    static Arbitrary<Double> floats() {
        return Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(0.0, -0.0, 0.5, -1.5, 1e308, -1e308, 5e-324, 2.0e-308, Double.NaN,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9.2233720368547758e18, 1e15 + 0.3));
    }

    /** Strings that Lua converts to numbers where a number is expected. */
    static Arbitrary<LuaString> numericStrings() {
        return strings(Arbitraries.of("10", " 0x10 ", "1e5", "-0", "0x7fffffffffffffff", "1e400", "0x1p-2", "nan",
                "9223372036854775808", ""));
    }

    /** Lua strings of the characters of {@code text} taken as bytes 0-255. */
    static Arbitrary<LuaString> strings(Arbitrary<String> text) {
        return text.map(t -> LuaString.wrap(t.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
