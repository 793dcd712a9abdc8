package dev.wippy.runtime.funcs;

import dev.wippy.lua.vm.LuaUserdata;

import java.util.Map;

/** An immutable call builder of the {@code funcs} module: extra context values and call options. */
final class Executor extends LuaUserdata {
    private final Functions functions;
    private final Map<String, Object> context;
    private final Map<String, Object> options;

    Executor(Functions functions, Map<String, Object> context, Map<String, Object> options) {
        super(null, FuncsModule.EXECUTOR_META);
        this.functions = functions;
        this.context = context;
        this.options = options;
    }

    Functions functions() {
        return functions;
    }

    Map<String, Object> context() {
        return context;
    }

    Map<String, Object> options() {
        return options;
    }
}
