package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.registry.Change;
import dev.wippy.runtime.registry.ChangeRejected;
import dev.wippy.runtime.registry.RegistryHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Lua {@code Changes} (spec 01 §4.7): operations queued by {@code create}, {@code update} and {@code delete}
 * (each returns the changeset, or {@code nil, err} for a malformed argument) and committed by {@code apply}
 * against the current head, whichever snapshot the changeset came from.
 */
final class ChangesValue extends LuaUserdata {
    private static final LuaTable META;
    private static final LuaString KIND = LuaString.of("kind");
    private static final LuaString ENTRY = LuaString.of("entry");
    private static final LuaString ID = LuaString.of("id");

    static {
        LuaTable m = new LuaTable();
        method(m, "create", (s, c, a) -> c.queue(Args.arg(a, 1), v -> Change.create(EntryTables.fromLua(v))));
        method(m, "update", (s, c, a) -> c.queue(Args.arg(a, 1), v -> Change.update(EntryTables.fromLua(v))));
        method(m, "delete", (s, c, a) -> c.queue(Args.arg(a, 1), v -> Change.delete(EntryTables.id(v))));
        method(m, "ops", (s, c, a) -> ops(c.changes));
        method(m, "apply", (s, c, a) -> {
            try {
                return new VersionValue(c.history, c.history.apply(c.changes).version());
            } catch (ChangeRejected e) {
                return Multi.of(null, Failures.of(e));
            }
        });
        META = Methods.metatable("Changes", m).freeze();
    }

    private final RegistryHistory history;
    /** Owned by the one Lua state that made the changeset; the history copies what it applies. */
    private final List<Change> changes = new ArrayList<>();

    ChangesValue(RegistryHistory history) {
        super(META);
        this.history = history;
    }

    private static void method(LuaTable m, String name, Methods.Body<ChangesValue> body) {
        Methods.add(m, name, ChangesValue.class, "Changes", body);
    }

    private Object queue(Object argument, Function<Object, Change> change) {
        try {
            changes.add(change.apply(argument));
            return this;
        } catch (IllegalArgumentException e) {
            return Failures.invalid(e.getMessage());
        }
    }

    /** Operations as Lua tables {@code {kind = "entry.create", entry = {...}}}; a delete by ID shows only the ID. */
    static LuaTable ops(List<Change> changes) {
        LuaTable t = new LuaTable(changes.size(), 0);
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            LuaTable op = new LuaTable(0, 2);
            op.putStr(KIND, LuaString.of(c.op().text()));
            LuaTable entry;
            if (c.entry() != null) {
                entry = EntryTables.toLua(c.entry());
            } else {
                entry = new LuaTable(0, 1);
                entry.putStr(ID, LuaString.of(c.id()));
            }
            op.putStr(ENTRY, entry);
            t.putInt(i + 1, op);
        }
        return t;
    }
}
