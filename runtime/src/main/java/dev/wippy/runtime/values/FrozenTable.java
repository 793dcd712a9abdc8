package dev.wippy.runtime.values;

import java.util.Map;

/**
 * An immutable copy of a Lua table: its keys and values (themselves frozen) in traversal order. Metatables are not
 * kept. One frozen table can be thawed by any number of receivers, each getting its own Lua table.
 */
public record FrozenTable(Object[] keys, Object[] values) {
    /** The entry for a string key, or null (for runtime code reading frozen data). */
    public Object get(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] instanceof dev.wippy.lua.vm.LuaString s && s.toString().equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    public int size() {
        return keys.length;
    }

    /** The entries as a Java map with string keys (other keys are dropped), keeping order. */
    public Map<String, Object> asStringMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] instanceof dev.wippy.lua.vm.LuaString s) {
                m.put(s.toString(), values[i]);
            }
        }
        return m;
    }
}
