package dev.wippy.runtime.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry over time (spec 01 §4.5–§4.8): an immutable head snapshot, replaced as a whole by the next version
 * when a changeset is applied, and the earlier versions while history is kept. Without history only the head is
 * known. Safe for concurrent use; readers always see a complete version.
 */
public final class RegistryHistory {
    private final boolean keep;
    private final TreeMap<Long, Registry> versions = new TreeMap<>();
    private Registry head;
    private CommitHandler handler = (previous, next) -> { };

    /** What runs the entries: sees each new version before it becomes the head, and may reject it. */
    @FunctionalInterface
    public interface CommitHandler {
        /** @throws ChangeRejected to abort the changeset (nothing changes then) */
        void commit(Registry previous, Registry next);
    }

    /** Starts from the boot version; {@code keepHistory} is {@code registry.enable_history}. */
    public RegistryHistory(Registry initial, boolean keepHistory) {
        this.keep = keepHistory;
        this.head = initial;
        versions.put(initial.version(), initial);
    }

    public synchronized void setCommitHandler(CommitHandler handler) {
        this.handler = handler;
    }

    public synchronized Registry head() {
        return head;
    }

    /** The snapshot of {@code version}, or null when it is not kept. */
    public synchronized Registry at(long version) {
        return versions.get(version);
    }

    /** The version numbers kept, oldest first. */
    public synchronized List<Long> versions() {
        return new ArrayList<>(versions.keySet());
    }

    /**
     * Applies a changeset to the head as one transaction: either every change applies and the result becomes the
     * next version, or nothing changes.
     *
     * @throws ChangeRejected for an empty changeset, a create of an existing ID, an update or delete of a missing one
     */
    public synchronized Registry apply(List<Change> changes) {
        if (changes.isEmpty()) {
            throw new ChangeRejected(ChangeRejected.Reason.INVALID, "empty changeset");
        }
        Map<String, Entry> next = new LinkedHashMap<>();
        head.all().forEach(e -> next.put(e.id(), e));
        for (Change c : OpOrder.of(changes.stream().map(this::withEntry).toList())) {
            boolean applied = switch (c.op()) {
                case CREATE -> next.putIfAbsent(c.id(), c.entry()) == null;
                case UPDATE -> next.replace(c.id(), c.entry()) != null;
                case DELETE -> next.remove(c.id()) != null;
            };
            if (!applied) {
                throw c.op() == Change.Op.CREATE
                        ? new ChangeRejected(ChangeRejected.Reason.ALREADY_EXISTS, "entry already exists: " + c.id())
                        : notFound(c.id());
            }
        }
        Registry r = new Registry(nextVersion(), next.values());
        handler.commit(head, r);
        if (!keep) {
            versions.clear();
        }
        versions.put(r.version(), r);
        head = r;
        return r;
    }

    /**
     * Makes kept version {@code version} current again (spec 01 §4.2 {@code apply_version}): no new version is
     * made, entries created after it are gone and changed ones are as they were; later versions stay kept, and the
     * next changeset gets a number after all of them.
     *
     * @throws ChangeRejected NOT_FOUND when {@code version} is not kept; whatever the commit handler rejects
     */
    public synchronized Registry restore(long version) {
        Registry target = versions.get(version);
        if (target == null) {
            throw new ChangeRejected(ChangeRejected.Reason.NOT_FOUND, "version not found: v" + version);
        }
        if (target != head) {
            handler.commit(head, target);
            head = target;
        }
        return head;
    }

    /** One more than every version made so far, so that a changeset after a restore never reuses a number. */
    private long nextVersion() {
        return Math.max(head.version(), versions.isEmpty() ? 0 : versions.lastKey()) + 1;
    }

    /** A delete queued by ID gets the entry it removes, whose references order it among the other deletes. */
    private Change withEntry(Change c) {
        if (c.entry() != null) {
            return c;
        }
        Entry current = head.get(c.id());
        if (current == null) {
            throw notFound(c.id());
        }
        return Change.delete(current);
    }

    private static ChangeRejected notFound(String id) {
        return new ChangeRejected(ChangeRejected.Reason.NOT_FOUND, "entry not found: " + id);
    }
}
