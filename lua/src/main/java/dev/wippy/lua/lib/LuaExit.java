package dev.wippy.lua.lib;

import dev.wippy.lua.vm.LuaInterrupt;

/**
 * {@code os.exit(code, close)} in the standalone profile: unwinds straight to the runner, which exits with
 * {@code status}. Like C's {@code exit}, nothing catches it; {@code <close>} handlers run only when {@code close}
 * is true (PUC then closes the state, which closes pending variables).
 */
public final class LuaExit extends LuaInterrupt {
    private final int status;
    private final boolean close;

    public LuaExit(int status, boolean close) {
        super("exit " + status);
        this.status = status;
        this.close = close;
    }

    public int status() {
        return status;
    }

    @Override
    public boolean runsCloseHandlers() {
        return close;
    }
}
