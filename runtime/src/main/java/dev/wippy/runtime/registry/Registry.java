package dev.wippy.runtime.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable snapshot of all entries at one version, in load order. */
public final class Registry {
    private final long version;
    private final Map<String, Entry> entries;

    public Registry(long version, Collection<Entry> entries) {
        this.version = version;
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry e : entries) {
            byId.put(e.id(), e);
        }
        this.entries = Collections.unmodifiableMap(byId);
    }

    public long version() {
        return version;
    }

    /** The entry with {@code id}, or null. */
    public Entry get(String id) {
        return entries.get(id);
    }

    public Collection<Entry> all() {
        return entries.values();
    }

    /** Entries of one kind, in load order. */
    public List<Entry> ofKind(String kind) {
        return entries.values().stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
