package dev.wippy.runtime;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorsModule;

import java.util.function.Function;

/** A sandbox Lua state with one runtime module as a global (as {@code require} returns it) and {@code errors}. */
public class ModuleLua {
    public final LuaState state = Lua.newState(Lua.Profile.SANDBOX);

    protected ModuleLua(String name, Function<LuaState, Object> module) {
        state.globals().putStr(LuaString.of(name), module.apply(state));
        state.globals().putStr(LuaString.of("errors"), ErrorsModule.TABLE);
    }

    public Object[] run(String chunk) {
        return Lua.compile(chunk, "test").instantiate(state.globals()).invoke(state);
    }

    public Object eval(String expression) {
        Object[] r = run("return " + expression);
        return r.length == 0 ? null : r[0];
    }

    /** {@code tostring(expression)} as Java text. */
    public String text(String expression) {
        return Interop.tostring(state, eval(expression)).toString();
    }

    /** What a call that should fail returned: its first value must be nil, its second an error object. */
    public Failure failure(String call) {
        Object[] r = run("local v, err = " + call + "\n"
                + "return v == nil, err:kind(), err:message(), err:retryable()");
        return new Failure((Boolean) r[0], r[1].toString(), r[2].toString(), (Boolean) r[3]);
    }

    public record Failure(boolean valueIsNil, String kind, String message, Boolean retryable) {}
}
