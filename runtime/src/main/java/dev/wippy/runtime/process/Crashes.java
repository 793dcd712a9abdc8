package dev.wippy.runtime.process;

import dev.wippy.lua.memory.MemoryLimitExceeded;
import dev.wippy.runtime.errors.ErrorObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Java failures that escape Lua code (spec 03 §3.10, kind INTERNAL): an out-of-memory error, a stack overflow
 * outside the Lua stack check, a bug in a module, a process passing its memory limit. Each ends only the execution it happened in and is reported once
 * through the runtime's logger, never as a raw stack trace.
 */
public final class Crashes {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.process");

    private Crashes() {
    }

    /** The error object for {@code t}, logged once with the PID and entry it ended. */
    public static ErrorObject report(String pid, String entryId, Throwable t) {
        String message = describe(t);
        LOG.atError().addKeyValue("pid", pid).addKeyValue("entry", entryId).addKeyValue("cause", message)
                .log("execution crashed");
        LOG.atDebug().setCause(t).log("crash of {}", pid);
        return ErrorObject.of(ErrorObject.INTERNAL, message, false, null);
    }

    /** What went wrong, in words: the JVM's name of the cause when it has no message of its own. */
    static String describe(Throwable t) {
        return switch (t) {
            case OutOfMemoryError e -> "out of memory";
            case MemoryLimitExceeded e -> MemoryLimitExceeded.MESSAGE;
            case StackOverflowError e -> "stack overflow";
            default -> "internal error: " + (t.getMessage() == null ? t.getClass().getName()
                    : t.getClass().getSimpleName() + ": " + t.getMessage());
        };
    }
}
