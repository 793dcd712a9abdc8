package dev.wippy.runtime.env;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code env.storage.memory}: empty at start, lost at exit. */
final class MemoryStorage implements Storage {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public void set(String key, String value) {
        values.put(key, value);
    }

    @Override
    public Map<String, String> list() {
        return Map.copyOf(values);
    }
}
