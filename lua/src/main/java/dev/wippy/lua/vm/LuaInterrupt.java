package dev.wippy.lua.vm;

/**
 * Stops Lua code from the outside (process termination, coroutine disposal). Not an error Lua code can catch:
 * {@code pcall} lets it pass, so a runaway loop cannot survive being terminated.
 */
public class LuaInterrupt extends Error {
    public LuaInterrupt(String reason) {
        super(reason, null, false, false);
    }
}
