package dev.wippy.runtime.funcs;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.values.Frozen;

/** The {@code ctx} module (spec 03 §3.4): read-only access to the execution's context values. */
public final class CtxModule {
    private static final LuaTable TABLE = new LuaTable();

    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        TABLE.putStr(LuaString.of("get"), new JavaFunction("ctx.get", (s, a) -> {
            String key = Args.checkString(s, a, 0).toString();
            Execution e = Execution.of(s);
            if (e == null) {
                return fail(ErrorObject.INTERNAL, "no execution context");
            }
            if (key.isEmpty()) {
                return fail(ErrorObject.INVALID, "key must not be empty");
            }
            if (!e.context().containsKey(key)) {
                return fail(ErrorObject.NOT_FOUND, "key not found: " + key);
            }
            return Frozen.thaw(e.context().get(key));
        }));
        TABLE.putStr(LuaString.of("all"), new JavaFunction("ctx.all", (s, a) -> {
            Execution e = Execution.of(s);
            if (e == null) {
                return fail(ErrorObject.INTERNAL, "no execution context");
            }
            LuaTable all = new LuaTable();
            e.context().forEach((k, v) -> all.putStr(LuaString.of(k), Frozen.thaw(v)));
            return all;
        }));
        TABLE.freeze();
    }

    private CtxModule() {
    }

    private static Object fail(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message, false, null));
    }
}
