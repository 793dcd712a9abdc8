package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.registry.RegistryHistory;

import java.util.List;

/**
 * A Lua {@code Version} (spec 01 §4.5): a registry version number; {@code previous} and {@code next} are the
 * neighbouring versions while the history keeps them.
 */
final class VersionValue extends LuaUserdata {
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        method(m, "id", (s, v, a) -> v.id);
        method(m, "string", (s, v, a) -> LuaString.of("v" + v.id));
        method(m, "previous", (s, v, a) -> v.neighbour(-1));
        method(m, "next", (s, v, a) -> v.neighbour(1));
        META = Methods.metatable("Version", m).freeze();
    }

    private final RegistryHistory history;
    private final long id;

    VersionValue(RegistryHistory history, long id) {
        super(META);
        this.history = history;
        this.id = id;
    }

    private static void method(LuaTable m, String name, Methods.Body<VersionValue> body) {
        Methods.add(m, name, VersionValue.class, "Version", body);
    }

    private VersionValue neighbour(int step) {
        return history.at(id + step) == null ? null : new VersionValue(history, id + step);
    }

    /** The version number a Lua argument gives, as a Version or an integer; null for anything else. */
    static Long number(Object v) {
        if (v instanceof VersionValue version) {
            return version.id;
        }
        return v instanceof Long || v instanceof Double ? LuaNumbers.toInteger(v) : null;
    }

    /** Versions as a Lua sequence, oldest first. */
    static LuaTable all(RegistryHistory history) {
        List<Long> ids = history.versions();
        LuaTable t = new LuaTable(ids.size(), 0);
        for (int i = 0; i < ids.size(); i++) {
            t.putInt(i + 1, new VersionValue(history, ids.get(i)));
        }
        return t;
    }
}
