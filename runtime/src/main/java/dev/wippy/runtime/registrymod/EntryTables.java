package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.EntryId;
import dev.wippy.runtime.registry.Origin;
import dev.wippy.runtime.values.Frozen;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Entries as Lua tables (spec 01 §4.1): {@code {id, kind, meta, data}}, a fresh copy every time so that Lua code
 * cannot change the registry through one, and entry tables written by Lua code back into entries.
 */
final class EntryTables {
    private static final LuaString ID = LuaString.of("id");
    private static final LuaString KIND = LuaString.of("kind");
    private static final LuaString META = LuaString.of("meta");
    private static final LuaString DATA = LuaString.of("data");
    private static final LuaString NS = LuaString.of("ns");
    private static final LuaString NAME = LuaString.of("name");

    private EntryTables() {
    }

    static LuaTable toLua(Entry e) {
        LuaTable t = new LuaTable(0, 4);
        t.putStr(ID, LuaString.of(e.id()));
        t.putStr(KIND, LuaString.of(e.kind()));
        t.putStr(META, Frozen.thaw(Frozen.fromJava(e.meta())));
        t.putStr(DATA, Frozen.thaw(Frozen.fromJava(e.data())));
        return t;
    }

    /** Entries as a sequence sorted by ID (spec 01 §4.2). */
    static LuaTable sorted(Collection<Entry> entries) {
        return toLua(entries.stream().sorted(Comparator.comparing(Entry::id)).toList());
    }

    /** A sequence of entry tables. */
    static LuaTable toLua(List<Entry> entries) {
        LuaTable t = new LuaTable(entries.size(), 0);
        for (int i = 0; i < entries.size(); i++) {
            t.putInt(i + 1, toLua(entries.get(i)));
        }
        return t;
    }

    /**
     * The entry an entry table describes; meta and data may be omitted (empty) and must otherwise be tables with
     * string keys, because entries created at run time are kept like the mappings of definition files.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Entry fromLua(Object value) {
        if (!(value instanceof LuaTable t)) {
            throw new IllegalArgumentException("entry must be a table");
        }
        String id = id(t.getStr(ID));
        if (!(t.getStr(KIND) instanceof LuaString kind) || kind.length() == 0) {
            throw new IllegalArgumentException("entry " + id + ": kind must be a non-empty string");
        }
        return new Entry(id, kind.toString(), mapping(id, "meta", t.getStr(META)),
                mapping(id, "data", t.getStr(DATA)), Origin.RUNTIME);
    }

    /** An entry ID given as {@code "ns:name"} or as {@code {ns = ..., name = ...}}. */
    static String id(Object value) {
        String id;
        if (value instanceof LuaString s) {
            id = s.toString();
        } else if (value instanceof LuaTable t && t.getStr(NS) instanceof LuaString ns
                && t.getStr(NAME) instanceof LuaString name) {
            id = ns + ":" + name;
        } else {
            throw new IllegalArgumentException("entry ID must be a string 'namespace:name'");
        }
        EntryId parsed = EntryId.parse(id);
        if (parsed == null || !EntryId.isValidNamespace(parsed.namespace()) || !EntryId.isValidName(parsed.name())) {
            throw new IllegalArgumentException("invalid entry ID '" + id + "' (namespace:name)");
        }
        return id;
    }

    private static Map<String, Object> mapping(String id, String field, Object value) {
        if (value == null) {
            return Map.of();
        }
        Object java;
        try {
            java = value instanceof LuaTable ? Frozen.toJava(Frozen.freeze(value)) : null;
        } catch (Frozen.NotTransferable e) {
            throw new IllegalArgumentException("entry " + id + ": " + field + ": " + e.getMessage());
        }
        if (!(java instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("entry " + id + ": " + field + " must be a table with string keys");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return fields;
    }
}
