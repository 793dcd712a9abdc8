package dev.wippy.runtime.values;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Arbitrary Lua values as payloads carry them: strings, integers, finite floats, booleans, and tables nested a few
 * levels deep, as arrays or as maps with string keys. The samples that payload codecs encode and fuzz tests mutate.
 */
public final class LuaTrees {
    private LuaTrees() {
    }

    public static Arbitrary<Object> values(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-1000, 1000))
                        .map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(10)
                        .map(s -> (Object) LuaString.wrap(s.getBytes(StandardCharsets.ISO_8859_1))),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(Object.class::cast));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> child = values(depth - 1);
        return Arbitraries.frequencyOf(Tuple.of(3, leaf),
                Tuple.of(1, child.list().ofMaxSize(4).map(LuaTrees::array)),
                Tuple.of(1, Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), child).ofMaxSize(4)
                        .map(LuaTrees::map)));
    }

    private static Object array(List<Object> items) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < items.size(); i++) {
            t.putInt(i + 1, items.get(i));
        }
        return t;
    }

    private static Object map(Map<String, Object> fields) {
        LuaTable t = new LuaTable();
        fields.forEach((k, v) -> t.putStr(LuaString.of(k), v));
        return t;
    }
}
