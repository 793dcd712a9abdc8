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
    private final int upvalues;
    private final Body body;

    public JavaFunction(String name, Body body) {
        this(name, 0, body);
    }

    /**
     * A function standing for a C closure of PUC with {@code upvalues} upvalues (the state its body captures), as
     * the debug library reports them.
     */
    public JavaFunction(String name, int upvalues, Body body) {
        this.name = name;
        this.upvalues = upvalues;
        this.body = body;
    }

    public int upvalues() {
        return upvalues;
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
