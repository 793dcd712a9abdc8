package dev.wippy.runtime.lua;

import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.runtime.process.EntryCode;
import dev.wippy.runtime.process.Execution;

/** Runs a Lua entry in an execution: a fresh sandbox state, then the entry's main function. */
public record LuaEntryCode(LuaEntry entry, Sandbox sandbox) implements EntryCode {
    @Override
    public LuaFunction prepare(Execution execution) {
        execution.attachState(sandbox.newState(execution, entry));
        return entry.mainFunction(execution.state());
    }
}
