package dev.wippy.runtime.registry;

import java.util.List;
import java.util.Map;

/**
 * One registry entry. {@code meta} and {@code data} are the YAML mappings as loaded (maps, lists, strings,
 * numbers, booleans), kept verbatim and never modified.
 */
public record Entry(String id, String kind, Map<String, Object> meta, Map<String, Object> data, Origin origin) {

    public String namespace() {
        return id.substring(0, id.indexOf(':'));
    }

    public String name() {
        return id.substring(id.indexOf(':') + 1);
    }

    /** The value at a dotted path inside {@code data} ({@code "lifecycle.auto_start"}), or null. */
    public Object field(String path) {
        return Values.at(data, path);
    }

    /** A string field, or null when absent. */
    public String string(String path) {
        Object v = field(path);
        return v == null ? null : v.toString();
    }

    /** A boolean field with a default. */
    public boolean flag(String path, boolean otherwise) {
        return field(path) instanceof Boolean b ? b : otherwise;
    }

    /** An integer field with a default. */
    public long integer(String path, long otherwise) {
        return field(path) instanceof Number n ? n.longValue() : otherwise;
    }

    /** A list of strings, empty when absent. */
    public List<String> strings(String path) {
        return field(path) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** A reference field resolved against this entry's namespace, or null when absent. */
    public String reference(String path) {
        String v = string(path);
        return v == null ? null : EntryId.resolve(v, namespace());
    }

    /** Names the entry for messages: its ID and where it was declared. */
    public String describe() {
        return "entry " + id + " (" + origin + ")";
    }
}
