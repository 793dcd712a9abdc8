package dev.wippy.lua.vm;

/**
 * What a call returns when it is not exactly one value: several (or no) values ({@link Multi}) or a pending tail
 * call ({@link TailCall}). A plain single result is returned as the value itself, so the common case allocates
 * nothing. Anyone receiving a raw call result must resolve it through {@link #first} or {@link #all}.
 */
public abstract sealed class CallResult permits Multi, TailCall {
    /** The first value (nil if there is none), completing pending tail calls. */
    public abstract Object first(LuaState s);

    /** All values, completing pending tail calls. The array may be shared: do not modify it. */
    public abstract Object[] all(LuaState s);

    /** The first value of a raw call result. */
    public static Object first(LuaState s, Object result) {
        return result instanceof CallResult r ? r.first(s) : result;
    }

    /** All values of a raw call result; do not modify the array. */
    public static Object[] all(LuaState s, Object result) {
        return result instanceof CallResult r ? r.all(s) : new Object[] {result};
    }
}
