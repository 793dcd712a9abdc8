package dev.wippy.runtime.process;

/** A spawn (or other process operation) that failed with an error kind and message, returned as {@code nil, err}. */
public final class SpawnException extends RuntimeException {
    private final String kind;

    public SpawnException(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
