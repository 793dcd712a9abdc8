package dev.wippy.runtime.process;

import dev.wippy.runtime.values.Payload;

/**
 * What the {@code process} functions do for an execution (spec 02 §2): processes and functions act on the node at
 * once ({@link NodeActions}); a workflow records them as commands instead (spec 05 §4.3). The module never knows
 * which. Failures are {@link SpawnException}s carrying the error kind.
 */
public interface ProcessActions {
    void send(Execution self, String destination, String topic, Payload payload);

    /** Starts {@code entryId} on {@code hostId}; returns its PID. */
    String spawn(Execution self, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options);

    /** Starts {@code entryId} and blocks the calling coroutine until it ends. */
    ExitResult exec(Execution self, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options);

    void cancel(Execution self, String destination, String reason);

    void terminate(Execution self, String destination);

    void monitor(Execution self, String destination);

    void unmonitor(Execution self, String destination);

    void link(Execution self, String destination);

    void unlink(Execution self, String destination);

    /** {@code process.registry.register}: binds {@code name} to {@code pid}. */
    void register(Execution self, String name, String pid);

    /** {@code process.registry.lookup}: the PID bound to {@code name}, or null. */
    String lookup(Execution self, String name);

    /** {@code process.registry.unregister}: whether {@code name} was bound. */
    boolean unregister(Execution self, String name);
}
