package dev.wippy.lua.memory;

import dev.wippy.lua.vm.LuaInterrupt;

/**
 * Raised at an allocation point once a state holds more than its limit. Like a termination it passes through
 * {@code pcall} and runs no {@code <close>} handlers: code that could catch it would go on holding the memory.
 */
public final class MemoryLimitExceeded extends LuaInterrupt {
    public static final String MESSAGE = "memory limit exceeded";

    public MemoryLimitExceeded() {
        super(MESSAGE);
    }

    @Override
    public boolean runsCloseHandlers() {
        return false;
    }
}
