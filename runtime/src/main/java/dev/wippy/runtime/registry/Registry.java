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

    /**
     * The entry that field {@code field} of {@code e} refers to, which must exist and be of one of {@code kinds}.
     *
     * @throws BootException naming the entry, the field and what is wrong
     */
    public Entry target(Entry e, String field, java.util.Set<String> kinds) {
        String id = e.reference(field);
        if (id == null) {
            throw BootException.at(e, "missing required field '" + field + "'");
        }
        Entry target = get(id);
        if (target == null) {
            throw BootException.at(e, "field '" + field + "' refers to " + id + ", which does not exist");
        }
        if (!kinds.contains(target.kind())) {
            throw BootException.at(e, "field '" + field + "' refers to " + id + ", a " + target.kind() + " (needs "
                    + String.join(" or ", kinds) + ")");
        }
        return target;
    }

    /** Entries of one kind, in load order. */
    public List<Entry> ofKind(String kind) {
        return entries.values().stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
