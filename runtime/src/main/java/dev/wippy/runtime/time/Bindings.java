package dev.wippy.runtime.time;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;

/** Helpers shared by the module's Lua bindings: typed arguments and {@code nil, err} results. */
final class Bindings {
    private Bindings() {}

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
