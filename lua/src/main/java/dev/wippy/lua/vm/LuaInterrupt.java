package dev.wippy.lua.vm;

/**
 * Stops Lua code from the outside (process termination, coroutine disposal). Not an error Lua code can catch:
 * {@code pcall} lets it pass, so a runaway loop cannot survive being terminated.
 */
public class LuaInterrupt extends Error {
    public LuaInterrupt(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Whether {@code <close>} handlers run while this unwinds Lua frames: yes when a coroutine is closed, no when
     * the code is being stopped and must not run any more.
     */
    public boolean runsCloseHandlers() {
        return true;
    }
}
