package dev.wippy.runtime.process;

import dev.wippy.runtime.values.Payload;

import java.util.concurrent.CompletableFuture;

/**
 * Executions that live outside the node's memory, such as the workflows of a provider (spec 05 §3): started on
 * the provider's hosts and addressed by its PIDs through the same {@code process} functions as processes. Failures
 * are {@link SpawnException}s with the kind Lua code sees.
 */
public interface ExternalProcesses {
    /** Whether {@code hostId} is one of this provider's hosts (a workflow worker). */
    boolean isHost(String hostId);

    /** Whether {@code pid} names one of this provider's executions. */
    boolean owns(String pid);

    /**
     * Starts an execution of {@code entryId} on {@code hostId}, returning once the start is durable (or resolved to
     * an existing execution); {@code caller} may be null.
     */
    String spawn(Execution caller, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options);

    /** Completes with the final outcome of the execution {@code pid}. */
    CompletableFuture<ExitResult> outcome(String pid);

    void send(String fromPid, String pid, String topic, Payload payload);

    void cancel(String fromPid, String pid, String reason);

    void terminate(String fromPid, String pid);

    /** {@code watcher} gets one EXIT when the execution closes (in memory: ends with the watcher). */
    void monitor(Execution watcher, String pid);

    void unmonitor(Execution watcher, String pid);

    /** As a monitor, and on an abnormal close a LINK_DOWN first (trapping) or the termination of the linker. */
    void link(Execution linker, String pid);

    void unlink(Execution linker, String pid);
}
