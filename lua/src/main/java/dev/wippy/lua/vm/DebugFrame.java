package dev.wippy.lua.vm;

/**
 * The locals of one running call of a function compiled to keep them (a function of a chunk that uses the debug
 * library), as {@code debug.getlocal}/{@code setlocal} see them. The compiled code binds each local's {@link Cell}
 * here when the local is declared (a to-be-closed variable or a loop's hidden state, which the code reads from
 * JVM registers, is bound by value) and records the statement it runs, which says which locals are active. The
 * frames of a coroutine form a stack through {@code caller}, matched to the JVM stack by {@link CallStack}.
 */
public final class DebugFrame {
    private static final String VARARG = "(vararg)";

    final FunctionInfo info;
    final DebugFrame caller;
    private final LuaClosure function;
    private final Object[] slots;
    private final Object[] varargs;
    private int point;

    DebugFrame(LuaClosure function, Object[] varargs, DebugFrame caller) {
        this.function = function;
        this.info = function.info();
        this.caller = caller;
        this.slots = new Object[info.locals().frameSize()];
        this.varargs = varargs;
    }

    /** The function running in this frame ({@code debug.getinfo}'s {@code func}). */
    public LuaClosure function() {
        return function;
    }

    /** Called by compiled code as each statement starts. */
    public void at(int statement) {
        point = statement;
    }

    /** Called by compiled code when a local is declared: its cell, or its value if it has none. */
    public void bind(int index, Object cellOrValue) {
        slots[index] = cellOrValue;
    }

    /**
     * The name of local {@code n} (from 1; negative for the varargs), or null if there is none (a function loaded
     * from a stripped dump has no names, as in PUC).
     */
    public String name(int n) {
        if (n < 0) {
            return varargs != null && -n <= varargs.length ? VARARG : null;
        }
        if (info.stripped()) {
            return null;
        }
        int entry = info.locals().active(n, point);
        return entry < 0 ? null : info.locals().name(entry);
    }

    /** The value of local {@code n}, which {@link #name} names. */
    public Object get(int n) {
        if (n < 0) {
            return varargs[-n - 1];
        }
        Object kept = slots[info.locals().index(info.locals().active(n, point))];
        return kept instanceof Cell c ? c.value : kept;
    }

    /** Sets local {@code n}, which {@link #name} names; the function sees it unless it reads it from a register. */
    public void set(int n, Object value) {
        if (n < 0) {
            varargs[-n - 1] = value;
            return;
        }
        int index = info.locals().index(info.locals().active(n, point));
        if (slots[index] instanceof Cell c) {
            c.value = value;
        } else {
            slots[index] = value;
        }
    }
}
