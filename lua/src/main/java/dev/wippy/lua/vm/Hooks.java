package dev.wippy.lua.vm;

/**
 * Debug hooks ({@code debug.sethook}), per coroutine as in PUC. Compiled code reports calls, returns and new lines
 * only in chunks that use the debug library (see the compiler's inspectable chunks), and the Java functions such
 * code calls are wrapped to report theirs; other code runs without any hook check. While a hook runs, no hook is
 * called. Count events come with line events, every {@code count} lines (there are no VM instructions to count).
 */
public final class Hooks {
    /** A coroutine's hook: the function and the events it wants. */
    public record Hook(LuaFunction function, String mask, int count) {
        boolean wants(char event) {
            return mask.indexOf(event) >= 0;
        }
    }

    private static final LuaString CALL = LuaString.of("call");
    private static final LuaString RETURN = LuaString.of("return");
    private static final LuaString LINE = LuaString.of("line");
    private static final LuaString COUNT = LuaString.of("count");

    private Hooks() {}

    public static void set(Coroutine co, Hook hook) {
        co.hook = hook;
        co.hookCountdown = hook == null ? 0 : hook.count();
    }

    public static Hook get(Coroutine co) {
        return co.hook;
    }

    static void call(LuaState s) {
        fire(s, 'c', CALL, null);
    }

    static void ret(LuaState s) {
        fire(s, 'r', RETURN, null);
    }

    static void line(LuaState s, int line) {
        Coroutine co = s.currentCoroutine();
        Hook hook = co.hook;
        if (hook == null || co.inHook) {
            return;
        }
        if (hook.count() > 0 && --co.hookCountdown <= 0) {
            co.hookCountdown = hook.count();
            run(s, co, hook, COUNT, null);
        }
        if (hook.wants('l')) {
            run(s, co, hook, LINE, (long) line);
        }
    }

    private static void fire(LuaState s, char event, LuaString name, Object arg) {
        Coroutine co = s.currentCoroutine();
        Hook hook = co.hook;
        if (hook != null && !co.inHook && hook.wants(event)) {
            run(s, co, hook, name, arg);
        }
    }

    private static void run(LuaState s, Coroutine co, Hook hook, LuaString event, Object arg) {
        co.inHook = true;
        try {
            CallResult.all(s, arg == null ? hook.function().call(s, event) : hook.function().call(s, event, arg));
        } finally {
            co.inHook = false;
        }
    }

    /** {@code f} as code that reports to hooks calls it: a Java function is wrapped to report its call and return. */
    public static LuaFunction reporting(LuaFunction f) {
        return f instanceof LuaClosure ? f : new Reporting(f);
    }

    /** A Java function called from code that reports to hooks. */
    static final class Reporting extends LuaFunction {
        private final LuaFunction target;

        Reporting(LuaFunction target) {
            this.target = target;
        }

        @Override
        public Object callv(LuaState s, Object[] args) {
            Hooks.call(s);
            Object result = Ops.resolve(s, target.callv(s, args));
            Hooks.ret(s);
            return result;
        }

        @Override
        public String name() {
            return target.name();
        }
    }
}
