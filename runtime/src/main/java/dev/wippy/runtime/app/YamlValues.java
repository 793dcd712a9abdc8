package dev.wippy.runtime.app;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.util.List;
import java.util.Map;

/** YAML values (from entry data) as Lua values, e.g. a service's {@code input} arguments. */
final class YamlValues {
    private YamlValues() {
    }

    static Object toLua(Object v) {
        if (v instanceof String s) {
            return LuaString.of(s);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof List<?> list) {
            LuaTable t = new LuaTable(list.size(), 0);
            for (int i = 0; i < list.size(); i++) {
                t.putInt(i + 1, toLua(list.get(i)));
            }
            return t;
        }
        if (v instanceof Map<?, ?> map) {
            LuaTable t = new LuaTable(0, map.size());
            map.forEach((k, val) -> t.put(toLua(k), toLua(val)));
            return t;
        }
        return v instanceof Boolean ? v : v == null ? null : LuaString.of(v.toString());
    }
}
