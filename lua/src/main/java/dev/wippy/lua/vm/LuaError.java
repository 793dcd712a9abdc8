package dev.wippy.lua.vm;

import java.util.List;

/**
 * A Lua error in flight, carrying any Lua value ({@code error({code = 1})} keeps the table's identity). No Java
 * stack trace is filled in: positions and tracebacks come from {@link CallStack}. When a traceback may be wanted
 * (inside {@code xpcall}, or for the standalone interpreter) the Lua frames are captured at creation.
 */
public class LuaError extends RuntimeException {
    protected Object value;
    private final List<CallStack.Frame> frames;

    public LuaError(Object value) {
        super(null, null, false, false);
        this.value = value;
        this.frames = CallStack.captureIfWanted();
    }

    /**
     * A run-time error raised by the current function, like PUC's {@code luaG_runerror}: the message gets the
     * position of the current Lua function ({@code chunk:line: }), none if the current function is Java.
     */
    public static LuaError runtime(String message) {
        return new LuaError(LuaString.of(CallStack.where(0) + message));
    }

    /**
     * An error raised by a library function, like PUC's {@code luaL_error}: the message gets the position of the
     * Lua code that called the library function, if it is Lua code.
     */
    public static LuaError library(String message) {
        return new LuaError(LuaString.of(CallStack.where(1) + message));
    }

    /**
     * {@code bad argument #n to 'name' (detail)}, like PUC's {@code luaL_argerror}: the name and the numbering
     * (which does not count {@code self} in method calls) come from the calling instruction.
     */
    public static LuaError argument(int arg, String detail) {
        return ArgumentError.create(arg, detail);
    }

    /**
     * {@code attempt to <op> a <type> value (<varinfo>)}, like PUC's {@code luaG_typeerror}: {@code operand} says
     * which operand of the current instruction is at fault, for its description (local, global, field, ...).
     */
    public static LuaError typeError(LuaState s, Object value, String op, int operand) {
        return operandError("attempt to " + op + " a " + Interop.objTypeName(s, value).replace("%", "%%")
                + " value%s", operand);
    }

    /**
     * {@code attempt to call a <type> value (<varinfo>)}: the value is what the current instruction calls, the
     * callee of a call or the metamethod of an operation.
     */
    public static LuaError callError(LuaState s, Object value) {
        CallStack.Frame f = CallStack.frame(0);
        FunctionInfo.Desc called = f != null && f.isLua() && f.site() != null ? f.site().called() : null;
        String message = "attempt to call a " + Interop.objTypeName(s, value) + " value"
                + (called == null ? "" : called.varinfo());
        return new LuaError(LuaString.of(f != null && f.isLua() ? f.source() + ":" + f.line() + ": " + message
                : message));
    }

    /**
     * A run-time error whose message embeds the description of an operand of the current instruction at the
     * {@code %s} in {@code format} (e.g. {@code number%s has no integer representation}).
     */
    public static LuaError operandError(String format, int operand) {
        CallStack.Frame f = CallStack.frame(0);
        String varinfo = "";
        String where = "";
        if (f != null && f.isLua()) {
            where = f.source() + ":" + f.line() + ": ";
            if (f.site() != null && f.site().operand(operand) != null) {
                varinfo = f.site().operand(operand).varinfo();
            }
        }
        return new LuaError(LuaString.of(where + String.format(format, varinfo)));
    }

    /** The Lua error value. */
    public Object value() {
        return value;
    }

    /** Lua frames at the point of the error, if they were captured; null otherwise. */
    public List<CallStack.Frame> frames() {
        return frames;
    }

    @Override
    public String getMessage() {
        if (value instanceof LuaString || value instanceof Long || value instanceof Double) {
            return Interop.rawToString(value).toString();
        }
        return value == null ? "nil" : "(error object is a " + Interop.typeName(value) + " value)";
    }
}
