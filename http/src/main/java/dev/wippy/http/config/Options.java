package dev.wippy.http.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Middleware options (spec 07 §3.1): flat string keys and values; YAML scalars become their string form, and a
 * dotted key wins over its legacy key.
 */
public record Options(Map<String, String> values) {
    public static final Options NONE = new Options(Map.of());

    static Options of(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            return NONE;
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return new Options(Map.copyOf(out));
    }

    /** The value of {@code key}, else of {@code legacy} (may be null), else {@code otherwise}; empty means default. */
    public String get(String key, String legacy, String otherwise) {
        String v = values.get(key);
        if (v == null && legacy != null) {
            v = values.get(legacy);
        }
        return v == null || v.isEmpty() ? otherwise : v;
    }

    public String get(String key, String otherwise) {
        return get(key, null, otherwise);
    }
}
