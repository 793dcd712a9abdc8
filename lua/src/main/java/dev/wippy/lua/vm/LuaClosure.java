package dev.wippy.lua.vm;

/**
 * Base class of compiled Lua functions. The compiler generates one subclass per function prototype; the body is a
 * method named {@value #BODY}, which is how {@link CallStack} recognises Lua frames on the JVM stack.
 */
public abstract class LuaClosure extends LuaFunction {
    public static final String BODY = "lua$body";

    private static final ClassValue<FunctionInfo> INFOS = new ClassValue<>() {
        @Override
        protected FunctionInfo computeValue(Class<?> type) {
            return FunctionInfo.forClass(type);
        }
    };

    /** Static facts about this function's prototype. */
    public final FunctionInfo info() {
        return INFOS.get(getClass());
    }

    static FunctionInfo infoOf(Class<?> compiledClass) {
        return INFOS.get(compiledClass);
    }
}
