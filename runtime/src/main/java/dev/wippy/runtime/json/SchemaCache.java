package dev.wippy.runtime.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled schemas by their JSON text (spec 03 §3.8.3 asks for at least 100 entries), least recently used first
 * out. Compiling happens outside the lock: two callers may compile the same new schema at once, which is cheaper
 * than making every validation wait for one compilation.
 */
final class SchemaCache<S> {
    private final Map<String, S> compiled;

    SchemaCache(int capacity) {
        this.compiled = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How a schema's text becomes its compiled form. */
    @FunctionalInterface
    interface Compiler<S> {
        S compile(String text) throws JsonFailure;
    }

    /**
     * The compiled form of {@code text}, compiling it with {@code compiler} when it is not cached.
     *
     * @throws JsonFailure when the schema does not compile; nothing is cached then
     */
    S get(String text, Compiler<S> compiler) throws JsonFailure {
        synchronized (compiled) {
            S cached = compiled.get(text);
            if (cached != null) {
                return cached;
            }
        }
        S fresh = compiler.compile(text);
        synchronized (compiled) {
            compiled.put(text, fresh);
        }
        return fresh;
    }
}
