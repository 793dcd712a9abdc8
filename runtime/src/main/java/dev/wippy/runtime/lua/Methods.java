package dev.wippy.runtime.lua;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;

/**
 * Methods of runtime objects seen from Lua ({@code obj:method(...)}): a read-only metatable naming the type, and
 * method bodies that get their {@code self} already checked, so a method called on the wrong value raises PUC's
 * {@code bad argument #1} instead of failing inside Java.
 */
public final class Methods {
    private Methods() {
    }

    /** A method body receiving its checked {@code self}; {@code args[0]} is {@code self} too. */
    @FunctionalInterface
    public interface Body<T> {
        Object call(LuaState s, T self, Object[] args);
    }

    /** Adds method {@code name} of values of {@code type}, called {@code typeName} in error messages. */
    public static <T> void add(LuaTable methods, String name, Class<T> type, String typeName, Body<T> body) {
        methods.putStr(LuaString.of(name), new JavaFunction(name, (s, a) -> {
            Object self = Args.arg(a, 0);
            if (!type.isInstance(self)) {
                throw Args.typeError(s, a, 0, typeName);
            }
            return body.call(s, type.cast(self), a);
        }));
    }

    /**
     * The metatable of a type: {@code __index} is {@code methods} (frozen), {@code __name} is {@code typeName}.
     * Callers add operators if they need them, then freeze it.
     */
    public static LuaTable metatable(String typeName, LuaTable methods) {
        LuaTable meta = new LuaTable();
        meta.putStr(MetaNames.INDEX, methods.freeze());
        meta.putStr(MetaNames.NAME, LuaString.of(typeName));
        return meta;
    }
}
