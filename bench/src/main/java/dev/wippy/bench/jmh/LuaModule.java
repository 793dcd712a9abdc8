package dev.wippy.bench.jmh;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.CallResult;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

/**
 * A chunk run once in its own sandbox state (the profile of application code), whose returned table's functions
 * the benchmarks call from JMH's thread. Lua integers are Java longs: pass counts as {@code long}.
 */
final class LuaModule {
    private final LuaState state = Lua.newState(Lua.Profile.SANDBOX);
    private final LuaTable exports;

    /** Runs {@code source} with {@code args} as its {@code ...}. */
    LuaModule(String name, String source, Object... args) {
        exports = (LuaTable) Lua.compile(source, name).instantiate(state.globals()).invoke1(state, args);
    }

    LuaFunction function(String name) {
        return (LuaFunction) exports.getStr(LuaString.of(name));
    }

    Object call(LuaFunction f, Object a) {
        return CallResult.first(state, f.call(state, a));
    }

    Object call(LuaFunction f, Object a, Object b) {
        return CallResult.first(state, f.call(state, a, b));
    }
}
