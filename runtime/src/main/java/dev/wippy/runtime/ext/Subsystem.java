package dev.wippy.runtime.ext;

import java.time.Duration;
import java.util.List;

/** What an extension runs: started after the hosts, before supervised services; stopped in reverse order. */
public interface Subsystem {
    /** Starts what the extension runs; may call functions and spawn processes. */
    default void start() {
    }

    /**
     * Stops gracefully before processes are cancelled (consumers finish their handlers, servers stop accepting),
     * within {@code timeout}.
     *
     * @return what had to be cut short when the timeout ran out, for the operator; empty when all went well
     */
    default List<String> stop(Duration timeout) {
        return List.of();
    }

    /** Releases what the subsystem holds, after every process has ended. */
    default void close() {
    }

    /** The first of {@code subsystems} that is a {@code type}, or null when none is. */
    static <T extends Subsystem> T first(List<Subsystem> subsystems, Class<T> type) {
        for (Subsystem s : subsystems) {
            if (type.isInstance(s)) {
                return type.cast(s);
            }
        }
        return null;
    }
}
