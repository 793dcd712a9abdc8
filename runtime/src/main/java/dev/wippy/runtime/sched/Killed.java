package dev.wippy.runtime.sched;

import dev.wippy.lua.vm.LuaInterrupt;

/**
 * Unwinds the fibers of an execution that ended or was terminated: no more Lua code of it runs, so to-be-closed
 * handlers are skipped and {@code pcall} cannot catch it. {@code cause} is the error that ended the execution,
 * when there is one.
 */
public final class Killed extends LuaInterrupt {
    private final Object cause;

    public Killed(String reason, Object cause) {
        super(reason);
        this.cause = cause;
    }

    /** The error value that ended the execution (an error object), or null. */
    public Object errorValue() {
        return cause;
    }

    @Override
    public boolean runsCloseHandlers() {
        return false;
    }
}
