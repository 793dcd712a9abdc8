package dev.wippy.runtime.time;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;

/** Helpers shared by the module's Lua bindings: typed methods, typed arguments, and {@code nil, err} results. */
final class Bindings {
    private Bindings() {}

    /** A method body receiving its already checked {@code self}. */
    @FunctionalInterface
    interface Method<T> {
        Object call(LuaState s, T self, Object[] args);
    }

    /** A metatable whose {@code __index} is {@code methods} and whose {@code __name} is {@code typeName}. */
    static LuaTable metatable(String typeName, LuaTable methods) {
        LuaTable meta = new LuaTable();
        meta.putStr(MetaNames.INDEX, methods.freeze());
        meta.putStr(MetaNames.NAME, LuaString.of(typeName));
        return meta;
    }

    /** Adds a method that raises PUC's {@code bad argument #1} unless called on a {@code type} value. */
    static <T> void method(LuaTable methods, String name, Class<T> type, String typeName, Method<T> body) {
        methods.putStr(LuaString.of(name), new JavaFunction(name,
                (s, a) -> body.call(s, check(s, a, 0, type, typeName), a)));
    }

    /** Argument {@code i} as a {@code type} value; raises a {@code bad argument} error otherwise. */
    static <T> T check(LuaState s, Object[] a, int i, Class<T> type, String typeName) {
        Object v = Args.arg(a, i);
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw Args.typeError(s, a, i, typeName);
    }

    /** The {@code nil, err} result of a failed call (spec 02 §5.8). */
    static Object fail(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message));
    }

    static Object invalid(String message) {
        return fail(ErrorObject.INVALID, message);
    }
}
