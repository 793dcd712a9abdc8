package dev.wippy.runtime.env;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An {@code env.variable} entry (spec 03 §3.12.1): a handle on one key of a storage. The key is the public name,
 * or the entry ID for a private variable (one without {@code variable}).
 *
 * @param name the public name, or null for a private variable
 * @param def  the {@code default}, empty when there is none
 */
record Variable(Entry entry, String name, Storage storage, String def, boolean readOnly) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    static Variable of(Entry e, Registry registry, Map<String, Storage> storages) {
        String name = e.string("variable");
        if (name != null && !NAME.matcher(name).matches()) {
            throw BootException.at(e, "variable name '" + name + "' may only contain letters, digits and '_'");
        }
        String ref = e.reference("storage");
        if (ref == null) {
            throw BootException.at(e, "missing required field 'storage'");
        }
        Storage storage = storages.get(Storages.target(registry, e, "storage", ref).id());
        Object def = e.field("default");
        boolean readOnly = e.flag("readonly", false) || e.flag("read_only", false);
        return new Variable(e, name, storage, def == null ? "" : def.toString(), readOnly);
    }

    String id() {
        return entry.id();
    }

    /** The key of the value inside the storage; messages name the variable by it too. */
    String key() {
        return name != null ? name : entry.id();
    }

    /** The stored value, else the default; null when neither is set (an empty string counts as not set). */
    String value() {
        String v = storage.get(key());
        if (v != null && !v.isEmpty()) {
            return v;
        }
        return def.isEmpty() ? null : def;
    }
}
