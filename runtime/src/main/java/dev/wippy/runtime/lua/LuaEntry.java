package dev.wippy.runtime.lua;

import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.vm.CallResult;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;

import java.util.List;
import java.util.Map;

/**
 * A Lua registry entry compiled once (its chunk is shared by every state that runs it), with what it may require:
 * built-in {@code modules} and {@code imports} (alias to library entry ID).
 */
public record LuaEntry(String id, CompiledChunk chunk, String method, List<String> modules,
                       Map<String, String> imports) {

    /**
     * Runs the chunk in {@code s} with {@code env} as its environment and returns its export: for code entries the
     * function to run ({@code method} of the returned table, or the returned function itself).
     */
    public Object export(LuaState s, Object env) {
        Object[] r = CallResult.all(s, chunk.instantiate(env).callv(s, Multi.NO_VALUES));
        return r.length > 0 ? r[0] : null;
    }

    /** The entry's main function in {@code s}. */
    public LuaFunction mainFunction(LuaState s) {
        Object export = export(s, s.globals());
        if (export instanceof LuaFunction f) {
            return f;
        }
        if (method != null && export instanceof LuaTable t && t.getStr(LuaString.of(method)) instanceof LuaFunction f) {
            return f;
        }
        throw LuaError.library("entry " + id + " does not export a function named '" + method + "'");
    }
}
