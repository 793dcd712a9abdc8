package dev.wippy.runtime.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The changes that turn one set of entries into another (spec 01 §4.2 {@code build_delta}), in applying order. */
public final class Delta {
    private Delta() {
    }

    /** Deletes, creates and updates from {@code from} to {@code to}; of repeated IDs the last entry counts. */
    public static List<Change> between(Collection<Entry> from, Collection<Entry> to) {
        Map<String, Entry> before = byId(from);
        Map<String, Entry> after = byId(to);
        List<Change> changes = new ArrayList<>();
        for (Entry e : before.values()) {
            if (!after.containsKey(e.id())) {
                changes.add(Change.delete(e));
            }
        }
        for (Entry e : after.values()) {
            Entry old = before.get(e.id());
            if (old == null) {
                changes.add(Change.create(e));
            } else if (!sameContent(old, e)) {
                changes.add(Change.update(e));
            }
        }
        return OpOrder.of(changes);
    }

    /** Where an entry was declared is not part of its content. */
    private static boolean sameContent(Entry a, Entry b) {
        return a.kind().equals(b.kind()) && Objects.equals(a.meta(), b.meta()) && Objects.equals(a.data(), b.data());
    }

    private static Map<String, Entry> byId(Collection<Entry> entries) {
        Map<String, Entry> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.id(), e));
        return m;
    }
}
