package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.registry.ChangeRejected;
import dev.wippy.runtime.registry.Delta;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.RegistryHistory;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code registry} module (spec 01 §4.2): reads the head version, opens snapshots and history, and moves the
 * registry between versions. Bad arguments give {@code nil, err} with kind {@code INVALID} (spec 01 §4.9), except
 * for the pure {@code parse_id}, which raises.
 */
public final class RegistryModule {
    private static final LuaString NS = LuaString.of("ns");
    private static final LuaString NAME = LuaString.of("name");

    private RegistryModule() {
    }

    /** The module over {@code history}: one read-only table shared by every state. */
    public static ModuleProvider provider(RegistryHistory history) {
        LuaTable t = new LuaTable();
        fn(t, "get", (s, a) -> Queries.get(history.head(), Args.arg(a, 0)));
        fn(t, "find", (s, a) -> Queries.find(history.head(), Args.arg(a, 0)));
        fn(t, "parse_id", RegistryModule::parseId);
        fn(t, "snapshot", (s, a) -> new SnapshotValue(history, history.head()));
        fn(t, "snapshot_at", (s, a) -> Queries.snapshotAt(history, Args.arg(a, 0)));
        fn(t, "current_version", (s, a) -> new VersionValue(history, history.head().version()));
        fn(t, "versions", (s, a) -> VersionValue.all(history));
        fn(t, "history", (s, a) -> new HistoryValue(history));
        fn(t, "apply_version", (s, a) -> applyVersion(history, Args.arg(a, 0)));
        fn(t, "build_delta", (s, a) -> buildDelta(Args.arg(a, 0), Args.arg(a, 1)));
        t.freeze();
        return s -> t;
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.putStr(LuaString.of(name), new JavaFunction("registry." + name, body));
    }

    /** Splits at the first colon; an ID without one has an empty namespace. */
    private static Object parseId(LuaState s, Object[] a) {
        String id = Args.checkString(s, a, 0).toString();
        int colon = id.indexOf(':');
        LuaTable t = new LuaTable(0, 2);
        t.putStr(NS, LuaString.of(colon < 0 ? "" : id.substring(0, colon)));
        t.putStr(NAME, LuaString.of(id.substring(colon + 1)));
        return t;
    }

    /** {@code true}, or {@code false, err} (not {@code nil}: spec 01 §4.2). */
    private static Object applyVersion(RegistryHistory history, Object version) {
        Long n = VersionValue.number(version);
        if (n == null) {
            return Multi.of(Boolean.FALSE, Failures.invalidError("version must be an integer or a Version"));
        }
        try {
            history.restore(n);
            return Boolean.TRUE;
        } catch (ChangeRejected e) {
            return Multi.of(Boolean.FALSE, Failures.of(e));
        }
    }

    private static Object buildDelta(Object from, Object to) {
        try {
            return ChangesValue.ops(Delta.between(entries(from, "from"), entries(to, "to")));
        } catch (IllegalArgumentException e) {
            return Failures.invalid(e.getMessage());
        }
    }

    private static List<Entry> entries(Object value, String name) {
        if (!(value instanceof LuaTable t)) {
            throw new IllegalArgumentException(name + " must be an array of entries");
        }
        List<Entry> entries = new ArrayList<>();
        for (long i = 1; t.getInt(i) != null; i++) {
            entries.add(EntryTables.fromLua(t.getInt(i)));
        }
        return entries;
    }
}
