package dev.wippy.runtime.env;

import dev.wippy.runtime.env.PlaceholderText.Literal;
import dev.wippy.runtime.env.PlaceholderText.Part;
import dev.wippy.runtime.env.PlaceholderText.Reference;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code ${env:...}} placeholders in entry data (spec 01 §3, spec 03 §3.12.3): every string inside
 * {@code data}, nested maps and lists included; {@code meta} never. A value comes from the variable's storage, else
 * its default, else the inline fallback; with none of them the entry is rejected. The deprecated sibling
 * {@code <field>_env: VARIABLE} sets {@code <field>} when the variable is declared and has a value.
 */
public final class Placeholders {
    private static final String SIBLING_SUFFIX = "_env";

    private final Env env;

    public Placeholders(Env env) {
        this.env = env;
    }

    /**
     * The registry as the kind handlers of {@code kinds} see it: their entries with resolved data, every other
     * entry unchanged (the registry itself keeps the raw text).
     *
     * @throws BootException naming the entry, field and variable when a placeholder cannot be resolved
     */
    public Registry decode(Registry registry, Set<String> kinds) {
        List<Entry> entries = new ArrayList<>();
        for (Entry e : registry.all()) {
            entries.add(kinds.contains(e.kind()) ? decode(e) : e);
        }
        return new Registry(registry.version(), entries);
    }

    /** {@code e} with resolved data. */
    public Entry decode(Entry e) {
        return new Entry(e.id(), e.kind(), e.meta(), map(e, e.data(), ""), e.origin());
    }

    private Map<String, Object> map(Entry e, Map<?, ?> data, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(String.valueOf(k), value(e, v, path + k)));
        data.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.endsWith(SIBLING_SUFFIX) && key.length() > SIBLING_SUFFIX.length() && v instanceof String name) {
                sibling(e, out, key, name);
            }
        });
        return out;
    }

    /** A sibling naming an undeclared variable is ordinary data; a declared one is consumed. */
    private void sibling(Entry e, Map<String, Object> out, String key, String name) {
        Variable v = env.find(name, e.namespace());
        if (v == null) {
            return;
        }
        out.remove(key);
        String value = v.value();
        if (value != null) {
            out.put(key.substring(0, key.length() - SIBLING_SUFFIX.length()), value);
        }
    }

    private Object value(Entry e, Object v, String path) {
        if (v instanceof Map<?, ?> m) {
            return map(e, m, path + ".");
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(value(e, list.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        if (v instanceof String s && PlaceholderText.mayContain(s)) {
            return string(e, s, path);
        }
        return v;
    }

    private Object string(Entry e, String s, String path) {
        List<Part> parts = PlaceholderText.parse(s);
        if (parts.size() == 1 && parts.getFirst() instanceof Reference ref) {
            String text = resolve(e, ref, path);
            try {
                return FallbackTypes.typed(ref.fallback(), text);
            } catch (IllegalArgumentException err) {
                throw problem(e, path, ref, err.getMessage());
            }
        }
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            out.append(p instanceof Literal l ? l.text() : resolve(e, (Reference) p, path));
        }
        return out.toString();
    }

    private String resolve(Entry e, Reference ref, String path) {
        Variable v = env.find(ref.name(), e.namespace());
        String value = v == null ? null : v.value();
        if (value != null) {
            return value;
        }
        if (ref.fallback() != null) {
            return ref.fallback();
        }
        throw problem(e, path, ref, v == null ? "variable " + ref.name() + " is not declared"
                : "variable " + ref.name() + " has no value and no default");
    }

    private static BootException problem(Entry e, String path, Reference ref, String detail) {
        return BootException.at(e, "field '" + path + "': " + ref.written() + ": " + detail);
    }
}
