package dev.wippy.runtime.uuid;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;

/** A sandbox Lua state whose globals hold {@code uuid}, as {@code require("uuid")} would return it. */
final class UuidLua {
    final LuaState state = Lua.newState(Lua.Profile.SANDBOX);

    UuidLua() {
        state.globals().putStr(LuaString.of("uuid"), UuidModule.PROVIDER.load(state));
    }

    Object[] run(String chunk) {
        return Lua.compile(chunk, "test").instantiate(state.globals()).invoke(state);
    }

    Object eval(String expression) {
        Object[] r = run("return " + expression);
        return r.length == 0 ? null : r[0];
    }

    /** The string {@code expression} yields, as Java text. */
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
