package dev.wippy.lua.vm;

/**
 * A tail call handed back to the nearest non-tail caller, which runs it. Compiled code makes tail calls directly
 * while the chain is short and returns one of these once it grows, so unbounded tail recursion runs in bounded
 * Java stack.
 */
public final class TailCall extends CallResult {
    private final Object function;
    private final Object[] args;

    public TailCall(Object function, Object[] args) {
        this.function = function;
        this.args = args;
    }

    private Object run(LuaState s) {
        Object f = function;
        Object[] a = args;
        while (true) {
            Object r = Interop.callv(s, f, a);
            if (r instanceof TailCall t) {
                f = t.function;
                a = t.args;
            } else {
                return r;
            }
        }
    }

    @Override
    public Object first(LuaState s) {
        return CallResult.first(s, run(s));
    }

    @Override
    public Object[] all(LuaState s) {
        return CallResult.all(s, run(s));
    }
}
