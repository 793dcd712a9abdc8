package dev.wippy.runtime.process;

import dev.wippy.lua.vm.LuaFunction;

/** The code of a runnable entry: creates an execution's Lua state and returns the function to run. */
public interface EntryCode {
    /** Called on the execution's own thread; must set the execution's state. */
    LuaFunction prepare(Execution execution);
}
