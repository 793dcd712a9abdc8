package dev.wippy.lua.vm;

/**
 * A Lua function value. Compiled Lua functions and functions written in Java both extend this class.
 *
 * <p>The {@code call} methods are raw entry points: they return a single value directly, or a {@link CallResult}
 * for zero or several values or a pending tail call. Java code calling a function should use {@link #invoke} or
 * {@link #invoke1}, which resolve results. A function written in Java overrides {@link #callv}, and may override
 * the fixed-arity methods to avoid allocating an argument array on hot paths. Argument arrays are never modified
 * by the callee, which may keep them.
 */
public abstract class LuaFunction {
    protected static final Object[] NO_ARGS = {};

    public Object call(LuaState s) {
        return callv(s, NO_ARGS);
    }

    public Object call(LuaState s, Object a) {
        return callv(s, new Object[] {a});
    }

    public Object call(LuaState s, Object a, Object b) {
        return callv(s, new Object[] {a, b});
    }

    public Object call(LuaState s, Object a, Object b, Object c) {
        return callv(s, new Object[] {a, b, c});
    }

    public abstract Object callv(LuaState s, Object[] args);

    /** Calls the function and returns all its results. */
    public final Object[] invoke(LuaState s, Object... args) {
        return CallResult.all(s, callv(s, args));
    }

    /** Calls the function and returns its first result (nil if none). */
    public final Object invoke1(LuaState s, Object... args) {
        return CallResult.first(s, callv(s, args));
    }

    /** The name shown for this function in tracebacks when the caller gives none; null if unknown. */
    public String name() {
        return null;
    }

    @Override
    public String toString() {
        return "function: " + Interop.address(this);
    }
}
