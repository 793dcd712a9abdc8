package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.registry.ChangeRejected;

/** The {@code nil, err} results of the module (spec 01 §4.9). */
final class Failures {
    private Failures() {
    }

    static Object fail(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message));
    }

    static Object invalid(String message) {
        return Multi.of(null, invalidError(message));
    }

    static ErrorObject invalidError(String message) {
        return ErrorObject.of(ErrorObject.INVALID, message);
    }

    static Object notFound(String message) {
        return fail(ErrorObject.NOT_FOUND, message);
    }

    /** The error for a refused changeset, with the kind its reason names. */
    static ErrorObject of(ChangeRejected e) {
        String kind = switch (e.reason()) {
            case INVALID -> ErrorObject.INVALID;
            case NOT_FOUND -> ErrorObject.NOT_FOUND;
            case ALREADY_EXISTS -> ErrorObject.ALREADY_EXISTS;
        };
        return ErrorObject.of(kind, e.getMessage());
    }
}
