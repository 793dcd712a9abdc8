package dev.wippy.runtime.registry;

/**
 * A problem that stops the app from starting. Its message is written for people and already names the file,
 * line and entry; the CLI prints it as is, without a stack trace.
 */
public final class BootException extends RuntimeException {
    public BootException(String message) {
        super(message);
    }

    public BootException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem with one entry: {@code file:line: entry ID: problem}. */
    public static BootException at(Entry entry, String problem) {
        return new BootException(entry.origin() + ": entry " + entry.id() + ": " + problem);
    }
}
