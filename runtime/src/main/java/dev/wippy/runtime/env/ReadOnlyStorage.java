package dev.wippy.runtime.env;

import dev.wippy.runtime.errors.ErrorObject;

import java.util.Map;

/**
 * {@code env.storage.os} (the runtime's process environment) and {@code env.storage.static} (the entry's
 * {@code values}): fixed maps that refuse writes.
 */
final class ReadOnlyStorage implements Storage {
    private final String id;
    private final Map<String, String> values;

    ReadOnlyStorage(String id, Map<String, String> values) {
        this.id = id;
        this.values = Map.copyOf(values);
    }

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public void set(String key, String value) {
        throw new EnvFailure(ErrorObject.PERMISSION_DENIED, "storage " + id + " is read-only");
    }

    @Override
    public Map<String, String> list() {
        return values;
    }
}
