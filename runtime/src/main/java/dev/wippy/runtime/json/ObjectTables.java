package dev.wippy.runtime.json;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

/**
 * Tells which empty tables encode as {@code {}} rather than {@code []} (spec 03 §3.8.1): those whose hash part has
 * ever held a key, and those decoded from a JSON object.
 *
 * <p>No flag is needed: a {@link LuaTable} keeps a removed key as a tombstone until its hash part is rebuilt, so an
 * empty table with hash slots is exactly one that held such a key. A decoded object that ends up empty gets such a
 * tombstone on purpose, which also keeps working while Lua code adds and removes keys afterwards.
 */
final class ObjectTables {
    private static final LuaString MARK = LuaString.of("\0json object");

    private ObjectTables() {
    }

    /** Whether {@code t}, which has no live keys, is written as an object. */
    static boolean remembersObject(LuaTable t) {
        return t.slotLimit() > t.arrayCapacity();
    }

    /** Makes a decoded object table encode as an object even when it has no keys. */
    static void rememberObject(LuaTable t) {
        if (!remembersObject(t)) {
            t.putStr(MARK, Boolean.TRUE);
            t.putStr(MARK, null);
        }
    }
}
