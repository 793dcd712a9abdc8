package dev.wippy.runtime.json;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorsModule;

/** A sandbox Lua state whose globals hold {@code json} (as {@code require} would return it) and {@code errors}. */
final class JsonLua {
    final LuaState state = Lua.newState(Lua.Profile.SANDBOX);

    JsonLua() {
        state.globals().putStr(LuaString.of("json"), JsonModule.PROVIDER.load(state));
        state.globals().putStr(LuaString.of("errors"), ErrorsModule.TABLE);
    }

    Object[] run(String chunk) {
        return Lua.compile(chunk, "test").instantiate(state.globals()).invoke(state);
    }

    Object eval(String expression) {
        Object[] r = run("return " + expression);
        return r.length == 0 ? null : r[0];
    }

    /** The string {@code expression} yields, as Java text (UTF-8 decoded). */
    String text(String expression) {
        return eval(expression).toString();
    }

    /** What a call that should fail returned: its first value must be nil, its second an error object. */
    Failure failure(String call) {
        Object[] r = run("local v, err = " + call + "\n"
                + "return v == nil, err:kind(), err:message(), err:retryable()");
        return new Failure((Boolean) r[0], r[1].toString(), r[2].toString(), (Boolean) r[3]);
    }

    record Failure(boolean valueIsNil, String kind, String message, Boolean retryable) {}
}
