package dev.wippy.http.lua;

import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;

/** The errors of the http modules: standard kinds, never retryable. */
public final class Failures {
    private Failures() {
    }

    public static ErrorObject error(String kind, String message) {
        return ErrorObject.of(kind, message, Boolean.FALSE, null);
    }

    /** {@code nil, err}. */
    public static Object fail(String kind, String message) {
        return Multi.of(null, error(kind, message));
    }

    /** {@code value, nil}. */
    public static Object ok(Object value) {
        return Multi.of(value, null);
    }
}
