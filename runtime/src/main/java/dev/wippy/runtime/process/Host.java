package dev.wippy.runtime.process;

import dev.wippy.runtime.sched.HostSlots;

/** A host that runs processes: a {@code process.host} or a {@code terminal.host}. */
public interface Host {
    String id();

    /** The host's worker slots, or null when it does not bound concurrency. */
    HostSlots slots();

    boolean isRunning();

    /** Accepts a new process; may refuse it (a terminal host runs one at a time) by throwing SpawnException. */
    void admit(ProcessExecution process);

    /** The memory limit of its processes in bytes unless their spawn sets one (0: none). */
    default long maxMemory() {
        return 0;
    }

    /** Called when one of its processes has exited. */
    default void exited(ProcessExecution process) {
    }
}
