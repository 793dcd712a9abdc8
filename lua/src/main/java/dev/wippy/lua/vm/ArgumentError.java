package dev.wippy.lua.vm;

/**
 * {@code bad argument} errors. The function's name comes from the Lua instruction that called it; when a Java
 * function called it instead (e.g. {@code pcall(string.rep)}), the name is unknown at creation and the calling
 * {@link Interop#callv} completes it with the function's own name, as PUC does from the loaded-library table.
 */
final class ArgumentError extends LuaError {
    private final int arg;
    private final String detail;
    private boolean named;

    private ArgumentError(Object value, int arg, String detail, boolean named) {
        super(value);
        this.arg = arg;
        this.detail = detail;
        this.named = named;
    }

    static ArgumentError create(int arg, String detail) {
        CallStack.CallerName caller = CallStack.callerName();
        if (caller == null) {
            return new ArgumentError(message("", arg, "?", detail), arg, detail, false);
        }
        String where = CallStack.where(1);
        if (caller.isMethod()) {
            if (arg == 1) {
                return new ArgumentError(LuaString.of(where + "calling '" + caller.name() + "' on bad self ("
                        + detail + ")"), arg, detail, true);
            }
            return new ArgumentError(message(where, arg - 1, caller.name(), detail), arg, detail, true);
        }
        return new ArgumentError(message(where, arg, caller.name(), detail), arg, detail, true);
    }

    private static LuaString message(String where, int arg, String name, String detail) {
        return LuaString.of(where + "bad argument #" + arg + " to '" + name + "' (" + detail + ")");
    }

    /** Names the function that raised this error, if its caller could not. */
    void completeName(LuaFunction function) {
        if (!named) {
            named = true;
            String name = function.name();
            value = message("", arg, name == null ? "?" : name, detail);
        }
    }
}
