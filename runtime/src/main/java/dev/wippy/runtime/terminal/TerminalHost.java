package dev.wippy.runtime.terminal;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.BaseHost;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.SpawnException;

/** A {@code terminal.host}: runs one process at a time and gives it the terminal. */
public final class TerminalHost extends BaseHost {
    private final Terminal terminal;
    private ProcessExecution current;

    public TerminalHost(String id, Terminal terminal) {
        super(id, 1);
        this.terminal = terminal;
    }

    public Terminal terminal() {
        return terminal;
    }

    @Override
    public synchronized void admit(ProcessExecution process) {
        if (current != null) {
            throw new SpawnException(ErrorObject.UNAVAILABLE, "terminal host " + id() + " already runs "
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
