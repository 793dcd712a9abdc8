package dev.wippy.runtime.log;

import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.errors.ErrorObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Lua field tables to log values (spec 03 §3.7): only string keys are kept; strings, integers, floats
 * and booleans keep their type; error objects become their text; tables become nested maps or lists; anything
 * else its {@code tostring} text.
 */
final class LogFields {
    private static final int MAX_DEPTH = 16;

    private LogFields() {
    }

    static Map<String, Object> of(LuaState s, LuaTable fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int slot = fields.nextSlot(0); slot >= 0; slot = fields.nextSlot(slot + 1)) {
            if (fields.slotKey(slot) instanceof LuaString key) {
                out.put(key.toString(), value(s, fields.slotValue(slot), 0));
            }
        }
        return out;
    }

    private static Object value(LuaState s, Object v, int depth) {
        if (v instanceof LuaString str) {
            return str.toString();
        }
        if (v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof ErrorObject e) {
            return e.toString();
        }
        if (v instanceof LuaTable t && depth < MAX_DEPTH) {
            return table(s, t, depth + 1);
        }
        return Interop.tostring(s, v).toString();
    }

    private static Object table(LuaState s, LuaTable t, int depth) {
        long n = t.length();
        if (n > 0 && countEntries(t) == n) {
            List<Object> list = new ArrayList<>();
            for (long i = 1; i <= n; i++) {
                list.add(value(s, t.getInt(i), depth));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            map.put(Interop.tostring(s, t.slotKey(slot)).toString(), value(s, t.slotValue(slot), depth));
        }
        return map;
    }

    private static long countEntries(LuaTable t) {
        long count = 0;
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            count++;
        }
        return count;
    }
}
