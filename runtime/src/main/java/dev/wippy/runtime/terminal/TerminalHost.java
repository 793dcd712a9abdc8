package dev.wippy.runtime.terminal;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Host;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.sched.HostSlots;

/** A {@code terminal.host}: runs one process at a time and gives it the terminal. */
public final class TerminalHost implements Host {
    private final String id;
    private final Terminal terminal;
    private final HostSlots slots = new HostSlots(1);
    private volatile boolean running;
    private ProcessExecution current;

    public TerminalHost(String id, Terminal terminal) {
        this.id = id;
        this.terminal = terminal;
    }

    @Override
    public String id() {
        return id;
    }

    public Terminal terminal() {
        return terminal;
    }

    @Override
    public HostSlots slots() {
        return slots;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public void start() {
        running = true;
    }

    public void stop() {
        running = false;
    }

    @Override
    public synchronized void admit(ProcessExecution process) {
        if (current != null) {
            throw new SpawnException(ErrorObject.UNAVAILABLE, "terminal host " + id + " already runs "
                    + current.pid());
        }
        current = process;
    }

    @Override
    public synchronized void exited(ProcessExecution process) {
        if (current == process) {
            current = null;
        }
    }
}
