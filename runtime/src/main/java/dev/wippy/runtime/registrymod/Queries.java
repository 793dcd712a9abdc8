package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.EntryFilter;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.RegistryHistory;

/** Reading one registry version, shared by the module functions (on the head) and by snapshots. */
final class Queries {
    private Queries() {
    }

    /** {@code get(id)}: the entry, or {@code nil, err}. */
    static Object get(Registry registry, Object id) {
        if (!(id instanceof LuaString s)) {
            return Failures.invalid("entry ID must be a string");
        }
        Entry e = registry.get(s.toString());
        return e == null ? Failures.notFound("entry not found: " + s) : EntryTables.toLua(e);
    }

    /** {@code find(filter)}: the matching entries sorted by ID, or {@code nil, err} for a bad filter. */
    static Object find(Registry registry, Object filter) {
        EntryFilter f;
        try {
            f = Filters.of(filter);
        } catch (IllegalArgumentException e) {
            return Failures.invalid(e.getMessage());
        }
        return EntryTables.toLua(f.select(registry.all()));
    }

    /** {@code snapshot_at(version)}: a snapshot of a kept version, or {@code nil, err}. */
    static Object snapshotAt(RegistryHistory history, Object version) {
        Long n = VersionValue.number(version);
        if (n == null) {
            return Failures.invalid("version must be an integer or a Version");
        }
        Registry r = history.at(n);
        return r == null ? Failures.notFound("version not found: v" + n) : new SnapshotValue(history, r);
    }
}
