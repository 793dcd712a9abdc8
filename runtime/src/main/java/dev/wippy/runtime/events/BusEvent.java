package dev.wippy.runtime.events;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.values.Frozen;

/** One published event; {@code data} is frozen once at publishing, null when none was sent. */
record BusEvent(String system, String kind, String path, Object data) {
    private static final LuaString SYSTEM = LuaString.of("system");
    private static final LuaString KIND = LuaString.of("kind");
    private static final LuaString PATH = LuaString.of("path");
    private static final LuaString DATA = LuaString.of("data");

    /** A fresh table for one subscriber, with its own copy of the data. */
    LuaTable toLua() {
        LuaTable t = new LuaTable(0, 4);
        t.putStr(SYSTEM, LuaString.of(system));
        t.putStr(KIND, LuaString.of(kind));
        t.putStr(PATH, LuaString.of(path));
        if (data != null) {
            t.putStr(DATA, Frozen.thaw(data));
        }
        return t;
    }
}
