package dev.wippy.runtime.env;

import java.util.Map;

/** Where variables keep their values (spec 03 §3.12.1). Implementations are safe for concurrent use. */
interface Storage {
    /** The value under {@code key}, or null when the storage has none. */
    String get(String key);

    /**
     * Stores {@code value} under {@code key}.
     *
     * @throws EnvFailure {@code PermissionDenied} for a read-only storage, {@code Internal} when it cannot be written
     */
    void set(String key, String value);

    /** Every key and value the storage holds. */
    Map<String, String> list();
}
