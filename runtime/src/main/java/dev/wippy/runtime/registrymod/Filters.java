package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.registry.EntryFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Filter tables of {@code find} (spec 01 §4.3): string keys, and values compared as text. */
final class Filters {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.registry");

    private Filters() {
    }

    /**
     * The filter a Lua table describes.
     *
     * @throws IllegalArgumentException for a non-table, a non-string key, a value that is not a string, number or
     *                                  boolean, an unknown intrinsic field or a bad regular expression
     */
    static EntryFilter of(Object value) {
        if (!(value instanceof LuaTable t)) {
            throw new IllegalArgumentException("filter must be a table");
        }
        Map<String, String> conditions = new LinkedHashMap<>();
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            if (!(t.slotKey(slot) instanceof LuaString key)) {
                throw new IllegalArgumentException("filter keys must be strings");
            }
            Object v = t.slotValue(slot);
            if (!(v instanceof LuaString || v instanceof Long || v instanceof Double || v instanceof Boolean)) {
                throw new IllegalArgumentException("filter value of '" + key + "' must be a string, number or boolean");
            }
            conditions.put(key.toString(), Interop.rawToString(v).toString());
        }
        return EntryFilter.of(conditions, Filters::warnLegacy);
    }

    private static void warnLegacy(String key) {
        LOG.atWarn().setMessage("finder metadata field must use 'meta.' prefix").addKeyValue("field", key)
                .addKeyValue("suggested", "meta." + key).log();
    }
}
