package dev.wippy.runtime.lua;

import dev.wippy.lua.vm.LuaState;

/** A built-in module that entries may {@code require} when they list it in {@code modules}. */
@FunctionalInterface
public interface ModuleProvider {
    /** The value {@code require(name)} returns in {@code s} (cached per state by the loader). */
    Object load(LuaState s);
}
