package dev.wippy.workflow.history;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.FrozenTable;
import dev.wippy.workflow.core.DurableCodec;

import java.util.HashMap;
import java.util.Map;

/** Maps in history: context values (frozen) and options or attributes (plain data). */
public final class Encoded {
    private Encoded() {
    }

    /** A map of frozen values by name (a context). */
    public static byte[] map(Map<String, Object> frozen) {
        Object[] keys = new Object[frozen.size()];
        Object[] values = new Object[frozen.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : frozen.entrySet()) {
            keys[i] = LuaString.of(e.getKey());
            values[i++] = e.getValue();
        }
        return DurableCodec.encode(new FrozenTable(keys, values));
    }

    public static Map<String, Object> unmap(byte[] bytes) {
        return bytes != null && DurableCodec.decode(bytes) instanceof FrozenTable t ? t.asStringMap() : Map.of();
    }

    /** A map of plain data (strings, numbers, booleans, lists, maps). */
    public static byte[] plain(Map<String, Object> plain) {
        return DurableCodec.encode(Frozen.fromJava(plain == null ? Map.of() : plain));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> unplain(byte[] bytes) {
        if (bytes == null || !(Frozen.toJava(DurableCodec.decode(bytes)) instanceof Map<?, ?> m)) {
            return Map.of();
        }
        return new HashMap<>((Map<String, Object>) m);
    }
}
