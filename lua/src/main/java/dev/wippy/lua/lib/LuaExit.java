package dev.wippy.lua.lib;

import dev.wippy.lua.vm.LuaInterrupt;

/**
 * {@code os.exit(code)} in the standalone profile: unwinds straight to the runner, which exits with
 * {@code status}. Like C's {@code exit}, nothing catches it and no {@code <close>} handler runs.
 */
public final class LuaExit extends LuaInterrupt {
    private final int status;

    public LuaExit(int status) {
        super("exit " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }

    @Override
    public boolean runsCloseHandlers() {
        return false;
    }
}
