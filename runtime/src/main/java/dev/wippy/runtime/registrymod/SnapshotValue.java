package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.RegistryHistory;

/** A Lua {@code Snapshot} (spec 01 §4.4): one registry version, which later changes do not affect. */
final class SnapshotValue extends LuaUserdata {
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        method(m, "entries", (s, snap, a) -> EntryTables.sorted(snap.registry.all()));
        method(m, "get", (s, snap, a) -> Queries.get(snap.registry, Args.arg(a, 1)));
        method(m, "find", (s, snap, a) -> Queries.find(snap.registry, Args.arg(a, 1)));
        method(m, "namespace", (s, snap, a) -> {
            if (!(Args.arg(a, 1) instanceof LuaString ns)) {
                return Failures.invalid("namespace must be a string");
            }
            String name = ns.toString();
            return EntryTables.sorted(snap.registry.all().stream().filter(e -> e.namespace().equals(name)).toList());
        });
        method(m, "version", (s, snap, a) -> new VersionValue(snap.history, snap.registry.version()));
        method(m, "changes", (s, snap, a) -> new ChangesValue(snap.history));
        META = Methods.metatable("Snapshot", m).freeze();
    }

    private final RegistryHistory history;
    private final Registry registry;

    SnapshotValue(RegistryHistory history, Registry registry) {
        super(META);
        this.history = history;
        this.registry = registry;
    }

    private static void method(LuaTable m, String name, Methods.Body<SnapshotValue> body) {
        Methods.add(m, name, SnapshotValue.class, "Snapshot", body);
    }
}
