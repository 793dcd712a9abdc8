package dev.wippy.data.sql.builder;

/** A statement the builder cannot generate; its message is what {@code to_sql} and {@code run_with} report. */
public final class BuildError extends Exception {
    public BuildError(String message) {
        super(message, null, false, false);
    }
}
