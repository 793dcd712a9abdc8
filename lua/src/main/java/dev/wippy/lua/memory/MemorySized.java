package dev.wippy.lua.memory;

import dev.wippy.lua.vm.LuaState;

/**
 * A userdata (or the payload it wraps) that holds memory of its own, such as a buffer: a walk of the state adds
 * {@link #memorySize()} to the userdata's own size. Modules also charge it when they make the value
 * ({@link LuaState#charge}), so that the state's count sees it at once.
 */
public interface MemorySized {
    /** The bytes this value holds besides its Lua-visible parts. */
    long memorySize();
}
