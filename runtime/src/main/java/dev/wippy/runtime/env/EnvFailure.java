package dev.wippy.runtime.env;

/**
 * A failed read or write of an environment value, with the error kind the {@code env} module reports for it
 * ({@code NotFound}, {@code PermissionDenied}, {@code Internal}, ...).
 */
public final class EnvFailure extends RuntimeException {
    private final String kind;

    public EnvFailure(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
