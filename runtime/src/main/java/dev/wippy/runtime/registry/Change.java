package dev.wippy.runtime.registry;

/**
 * One operation of a changeset (spec 01 §4.7): create an entry, replace one (meta and data together), or delete
 * one. A delete queued by ID alone has no {@code entry}; the registry fills it in when it applies the change.
 */
public record Change(Op op, String id, Entry entry) {

    /** The operation kinds, with the names Lua code sees. */
    public enum Op {
        CREATE("entry.create"), UPDATE("entry.update"), DELETE("entry.delete");

        private final String text;

        Op(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public static Change create(Entry entry) {
        return new Change(Op.CREATE, entry.id(), entry);
    }

    public static Change update(Entry entry) {
        return new Change(Op.UPDATE, entry.id(), entry);
    }

    public static Change delete(String id) {
        return new Change(Op.DELETE, id, null);
    }

    static Change delete(Entry entry) {
        return new Change(Op.DELETE, entry.id(), entry);
    }
}
