package dev.wippy.runtime.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Orders a changeset for applying (spec 01 §4.8): deletes first, each one before the deletes of the entries it
 * uses; then creates and updates, each one after those of the entries it uses. Ties keep the queued order, and a
 * reference cycle is cut where it closes. Deletes go first so that a changeset can replace an entry by deleting
 * and re-creating it.
 */
final class OpOrder {
    private OpOrder() {
    }

    /** The changes in applying order; every change must carry its entry. */
    static List<Change> of(List<Change> changes) {
        List<Change> out = new ArrayList<>(changes.size());
        List<Change> deletes = changes.stream().filter(c -> c.op() == Change.Op.DELETE).toList();
        List<Change> writes = changes.stream().filter(c -> c.op() != Change.Op.DELETE).toList();
        Group d = new Group(deletes);
        d.sort((x, y) -> d.uses(x, y), out);
        Group w = new Group(writes);
        w.sort((x, y) -> w.uses(y, x), out);
        return out;
    }

    /** Changes of one kind and what their entries use among themselves; by identity, since equal ops may repeat. */
    private static final class Group {
        private final List<Change> changes;
        private final Map<Change, Set<String>> uses = new IdentityHashMap<>();

        Group(List<Change> changes) {
            this.changes = changes;
            Set<String> ids = changes.stream().map(Change::id).collect(Collectors.toSet());
            changes.forEach(c -> uses.put(c, Dependencies.of(c.entry(), ids)));
        }

        boolean uses(Change x, Change y) {
            return uses.get(x).contains(y.id());
        }

        /** Depth-first: whatever {@code before(x, c)} puts ahead of a change {@code c} is emitted first. */
        void sort(BiPredicate<Change, Change> before, List<Change> out) {
            Set<Change> done = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Change> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Change c : changes) {
                visit(c, before, done, visiting, out);
            }
        }

        private void visit(Change c, BiPredicate<Change, Change> before, Set<Change> done, Set<Change> visiting,
                           List<Change> out) {
            if (done.contains(c) || !visiting.add(c)) {
                return;
            }
            for (Change x : changes) {
                if (x != c && before.test(x, c)) {
                    visit(x, before, done, visiting, out);
                }
            }
            visiting.remove(c);
            done.add(c);
            out.add(c);
        }
    }
}
