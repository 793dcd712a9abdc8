package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

/** Read-only tables of string constants such as {@code sql.type} and {@code store.backend}. */
public final class LuaConstants {
    private LuaConstants() {
    }

    /** {@code NAME = "value"} for each pair of {@code pairs}. */
    public static LuaTable of(String... pairs) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < pairs.length; i += 2) {
            t.putStr(LuaString.of(pairs[i]), LuaString.of(pairs[i + 1]));
        }
        return t.freeze();
    }
}
