package dev.wippy.runtime.time;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorsModule;

/** A plain Lua state with the {@code time} and {@code errors} tables as globals, for the module's pure parts. */
final class PureLua {
    final LuaState state = Lua.newState(Lua.Profile.SANDBOX);

    PureLua() {
        state.globals().putStr(LuaString.of("time"), TimeModule.TABLE);
        state.globals().putStr(LuaString.of("errors"), ErrorsModule.TABLE);
    }

    Object[] run(String chunk) {
        return Lua.compile(chunk, "test").instantiate(state.globals()).invoke(state);
    }

    Object eval(String expression) {
        Object[] r = run("return " + expression);
        return r.length == 0 ? null : r[0];
    }

    /** {@code tostring(expression)}. */
    String text(String expression) {
        return Interop.tostring(state, eval(expression)).toString();
    }
}
