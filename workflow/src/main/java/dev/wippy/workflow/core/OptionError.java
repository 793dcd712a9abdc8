package dev.wippy.workflow.core;

/** A start or activity option with a value that cannot be used; Lua code sees it as an INVALID error. */
public final class OptionError extends RuntimeException {
    public OptionError(String message) {
        super(message, null, false, false);
    }
}
