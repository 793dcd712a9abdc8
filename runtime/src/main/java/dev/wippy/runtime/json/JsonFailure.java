package dev.wippy.runtime.json;

import java.io.IOException;

/**
 * A value that cannot be encoded or text that cannot be decoded. It is an {@link IOException} so that it travels
 * through the same {@code throws} clauses as Jackson's own exceptions; the module turns it into an INTERNAL error.
 */
final class JsonFailure extends IOException {
    JsonFailure(String message) {
        super(message);
    }
}
