package dev.wippy.runtime.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The entries one entry refers to (spec 01 §1.7), which order registry operations. A full ID anywhere in data or
 * meta counts; a relative one only in the fields known to hold references, because elsewhere a bare word such as
 * {@code method: main} would otherwise look like a reference to {@code ns:main}.
 */
final class Dependencies {
    private static final List<String> DATA_REFERENCES = List.of("process", "host", "lifecycle.requires",
            "lifecycle.depends_on", "imports", "storages");
    private static final List<String> META_REFERENCES = List.of("server", "router");

    private Dependencies() {
    }

    /** The IDs among {@code known} that {@code entry} refers to, itself excluded. */
    static Set<String> of(Entry entry, Set<String> known) {
        Set<String> found = new TreeSet<>();
        Consumer<String> full = s -> {
            if (known.contains(s)) {
                found.add(s);
            }
        };
        strings(entry.data(), full);
        strings(entry.meta(), full);
        Consumer<String> relative = s -> full.accept(EntryId.resolve(s, entry.namespace()));
        DATA_REFERENCES.forEach(path -> strings(Values.at(entry.data(), path), relative));
        META_REFERENCES.forEach(path -> strings(Values.at(entry.meta(), path), relative));
        found.remove(entry.id());
        return found;
    }

    /** Every string inside {@code value}, at any depth. */
    private static void strings(Object value, Consumer<String> sink) {
        if (value instanceof String s) {
            sink.accept(s);
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> strings(v, sink));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> strings(v, sink));
        }
    }
}
