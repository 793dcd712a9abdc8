package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.registry.RegistryHistory;

/** A Lua {@code History} (spec 01 §4.6): the versions the registry keeps. */
final class HistoryValue extends LuaUserdata {
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        method(m, "versions", (s, h, a) -> VersionValue.all(h.history));
        method(m, "get_version", (s, h, a) -> {
            Long n = VersionValue.number(Args.arg(a, 1));
            if (n == null) {
                return Failures.invalid("version must be an integer");
            }
            return h.history.at(n) == null ? Failures.notFound("version not found: v" + n)
                    : new VersionValue(h.history, n);
        });
        method(m, "snapshot_at", (s, h, a) -> Queries.snapshotAt(h.history, Args.arg(a, 1)));
        META = Methods.metatable("History", m).freeze();
    }

    private final RegistryHistory history;

    HistoryValue(RegistryHistory history) {
        super(META);
        this.history = history;
    }

    private static void method(LuaTable m, String name, Methods.Body<HistoryValue> body) {
        Methods.add(m, name, HistoryValue.class, "History", body);
    }
}
