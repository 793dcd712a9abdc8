package dev.wippy.runtime.env;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code env.storage.router}: reads try each storage in order and move on only when one has no value (any failure
 * stops the read); writes go to the first storage, even when that one is read-only (spec 01 §2.10), so a write
 * never lands somewhere the app did not put first.
 */
final class RouterStorage implements Storage {
    private final List<Storage> storages;

    RouterStorage(List<Storage> storages) {
        this.storages = List.copyOf(storages);
    }

    @Override
    public String get(String key) {
        for (Storage s : storages) {
            String v = s.get(key);
            // an empty value is "not set" for variables, so it must not hide a later storage's value
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    @Override
    public void set(String key, String value) {
        storages.getFirst().set(key, value);
    }

    @Override
    public Map<String, String> list() {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Storage s : storages) {
            s.list().forEach(merged::putIfAbsent);
        }
        return merged;
    }
}
