package dev.wippy.lua.vm;

/**
 * A Lua function implemented by a Java lambda, for library functions that are not on hot paths. Hot library
 * functions extend {@link LuaFunction} directly so that the JIT can inline them at each call site.
 */
public final class JavaFunction extends LuaFunction {
    /** The body of a Java function: returns a single value or a {@link CallResult} (see {@link Multi#of}). */
    @FunctionalInterface
    public interface Body {
        Object call(LuaState s, Object[] args);
    }

    private final String name;
    private final Body body;

    public JavaFunction(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public Object callv(LuaState s, Object[] args) {
        return body.call(s, args);
    }

    @Override
    public String name() {
        return name;
    }
}
