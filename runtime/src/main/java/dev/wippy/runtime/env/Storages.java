package dev.wippy.runtime.env;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.EntryId;
import dev.wippy.runtime.registry.Registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Creates the storage of every {@code env.storage.*} entry. A router's storages are created first, so the order of
 * entries in the files does not matter; a router that reaches itself is a boot error naming the cycle.
 */
final class Storages {
    private final Registry registry;
    private final Path root;
    private final Map<String, Storage> created = new LinkedHashMap<>();
    private final LinkedHashSet<String> creating = new LinkedHashSet<>();

    private Storages(Registry registry, Path root) {
        this.registry = registry;
        this.root = root;
    }

    /** Storages by entry ID, in registry order. */
    static Map<String, Storage> create(Registry registry, Path root) {
        Storages s = new Storages(registry, root);
        Map<String, Storage> ordered = new LinkedHashMap<>();
        for (Entry e : registry.all()) {
            if (EnvKinds.STORAGES.contains(e.kind())) {
                ordered.put(e.id(), s.storage(e));
            }
        }
        return ordered;
    }

    private Storage storage(Entry e) {
        Storage done = created.get(e.id());
        if (done != null) {
            return done;
        }
        if (!creating.add(e.id())) {
            List<String> cycle = new ArrayList<>(creating);
            cycle = cycle.subList(cycle.indexOf(e.id()), cycle.size());
            throw BootException.at(e, "storage cycle: " + String.join(" -> ", cycle) + " -> " + e.id());
        }
        Storage s = switch (e.kind()) {
            case EnvKinds.MEMORY -> new MemoryStorage();
            case EnvKinds.OS -> new ReadOnlyStorage(e.id(), System.getenv());
            case EnvKinds.STATIC -> new ReadOnlyStorage(e.id(), values(e));
            case EnvKinds.FILE -> FileStorage.open(e, root);
            default -> new RouterStorage(routed(e));
        };
        creating.remove(e.id());
        created.put(e.id(), s);
        return s;
    }

    private static Map<String, String> values(Entry e) {
        Object raw = e.field("values");
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw BootException.at(e, "'values' must map names to strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : v.toString()));
        return out;
    }

    private List<Storage> routed(Entry e) {
        List<String> ids = e.strings("storages");
        if (ids.isEmpty()) {
            throw BootException.at(e, "'storages' must list at least one storage");
        }
        List<Storage> out = new ArrayList<>();
        for (String ref : ids) {
            out.add(storage(target(registry, e, "storages", EntryId.resolve(ref, e.namespace()))));
        }
        return out;
    }

    /** The storage entry {@code id} that field {@code field} of {@code e} refers to. */
    static Entry target(Registry registry, Entry e, String field, String id) {
        Entry target = registry.get(id);
        if (target == null) {
            throw BootException.at(e, "field '" + field + "' refers to " + id + ", which does not exist");
        }
        if (!EnvKinds.STORAGES.contains(target.kind())) {
            throw BootException.at(e, "field '" + field + "' refers to " + id + ", a " + target.kind()
                    + " (an env.storage.* entry is needed)");
        }
        return target;
    }
}
