package dev.wippy.runtime.app;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders services so that every service starts after what it requires (spec 01 §1.10); a required service that
 * is not auto-start is started as well. A cycle is a boot error naming its members.
 */
final class StartOrder {
    private StartOrder() {
    }

    static List<Entry> of(List<Entry> services) {
        Map<String, Entry> byId = new HashMap<>();
        services.forEach(s -> byId.put(s.id(), s));
        List<Entry> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (Entry s : services) {
            if (Lifecycle.of(s).autoStart()) {
                visit(s, byId, done, new LinkedHashSet<>(), order);
            }
        }
        return order;
    }

    private static void visit(Entry s, Map<String, Entry> byId, Set<String> done, LinkedHashSet<String> path,
                              List<Entry> order) {
        if (done.contains(s.id())) {
            return;
        }
        if (!path.add(s.id())) {
            List<String> cycle = new ArrayList<>(path);
            cycle = cycle.subList(cycle.indexOf(s.id()), cycle.size());
            throw BootException.at(s, "dependency cycle: " + String.join(" -> ", cycle) + " -> " + s.id());
        }
        for (String required : Lifecycle.of(s).requires()) {
            Entry dep = byId.get(required);
            if (dep != null) {
                visit(dep, byId, done, path, order);
            }
        }
        path.remove(s.id());
        done.add(s.id());
        order.add(s);
    }
}
