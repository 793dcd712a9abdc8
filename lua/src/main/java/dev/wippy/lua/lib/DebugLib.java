package dev.wippy.lua.lib;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.CallStack;
import dev.wippy.lua.vm.Coroutine;
import dev.wippy.lua.vm.DebugFrame;
import dev.wippy.lua.vm.FunctionInfo;
import dev.wippy.lua.vm.Hooks;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaClosure;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.Multi;
import dev.wippy.lua.vm.Traceback;
import dev.wippy.lua.vm.Upvalues;

import java.util.ArrayList;
import java.util.List;

/**
 * The standalone profile's {@code debug} library: tracebacks, function and stack information, and raw metatable
 * access, upvalues, and hooks (see {@link Hooks}).
 */
public final class DebugLib {
    private static final LuaTable TEMPLATE = new LibraryBuilder("debug")
            .fn("traceback", DebugLib::traceback)
            .fn("getinfo", DebugLib::getinfo)
            .fn("getmetatable", (s, a) -> Interop.getMetatable(s, Args.checkAny(a, 0)))
            .fn("setmetatable", DebugLib::setmetatable)
            .fn("getregistry", (s, a) -> s.registry())
            .fn("sethook", DebugLib::sethook)
            .fn("gethook", DebugLib::gethook)
            .fn("getlocal", DebugLib::getlocal)
            .fn("setlocal", DebugLib::setlocal)
            .fn("getupvalue", DebugLib::getupvalue)
            .fn("setupvalue", DebugLib::setupvalue)
            .fn("upvalueid", DebugLib::upvalueid)
            .fn("upvaluejoin", DebugLib::upvaluejoin)
            .fn("getuservalue", (s, a) -> Multi.of(null, Boolean.FALSE))
            .fn("setuservalue", DebugLib::setuservalue)
            .build();

    private DebugLib() {}

    public static LuaTable install(LuaState s) {
        LuaTable t = LuaTable.copyOnWrite(TEMPLATE);
        s.globals().putStr(LuaString.of("debug"), t);
        return t;
    }

    private static Object traceback(LuaState s, Object[] a) {
        int argBase = Args.arg(a, 0) instanceof Coroutine ? 1 : 0;
        Object msg = Args.arg(a, argBase);
        if (msg != null && !(msg instanceof LuaString) && !(msg instanceof Long) && !(msg instanceof Double)) {
            return msg;
        }
        int level = (int) Args.optInteger(s, a, argBase + 1, argBase == 1 ? 0 : 1);
        List<CallStack.Frame> frames = argBase == 1 ? List.of() : visibleFrames(level);
        // on the main thread the stack ends in the host's call, shown as "[C]: in ?" unless skipped by the level
        boolean entry = argBase == 0 && s.currentCoroutine().isMain() && level <= CallStack.capture().size();
        String text = Traceback.format(frames, entry);
        return msg == null ? LuaString.of(text)
                : Interop.toStringCoerced(msg).concat(LuaString.of("\n" + text));
    }

    /**
     * The stack as PUC shows it from {@code level}: inside an {@code xpcall} message handler, the handler's frames
     * followed by the frames where the error was raised (PUC runs the handler before unwinding).
     */
    private static List<CallStack.Frame> visibleFrames(int level) {
        List<CallStack.Frame> live = CallStack.capture();
        LuaError handled = CallStack.handledError();
        List<CallStack.Frame> result = new ArrayList<>();
        if (handled == null || handled.frames() == null) {
            for (int i = Math.max(0, level); i < live.size(); i++) {
                result.add(live.get(i));
            }
            return result;
        }
        List<CallStack.Frame> raised = handled.frames();
        int common = 0;
        while (common < live.size() && common < raised.size()
                && sameFrame(live.get(live.size() - 1 - common), raised.get(raised.size() - 1 - common))) {
            common++;
        }
        for (int i = Math.max(0, level); i < live.size() - common; i++) {
            result.add(live.get(i));
        }
        result.addAll(raised);
        return result;
    }

    private static boolean sameFrame(CallStack.Frame a, CallStack.Frame b) {
        return a.isLua() == b.isLua() && a.source().equals(b.source()) && a.line() == b.line();
    }

    /**
     * For a function, the name of its parameter {@code n}, as PUC gives. For a stack level, the name and value of
     * local {@code n} if the level's function keeps its locals (see {@link DebugFrame}): only the functions of
     * chunks that use the debug library do; the others keep them in JVM registers and report none.
     */
    private static Object getlocal(LuaState s, Object[] a) {
        int base = Args.arg(a, 0) instanceof Coroutine ? 1 : 0;
        if (Args.arg(a, base) instanceof LuaFunction f) {
            int n = (int) Args.checkInteger(s, a, base + 1);
            if (f instanceof LuaClosure c && !c.info().stripped() && n >= 1 && n <= c.info().params()) {
                return LuaString.of(c.info().paramName(n - 1));
            }
            return null;
        }
        DebugFrame frame = localsAt(s, a, base);
        int n = (int) Args.checkInteger(s, a, base + 1);
        String name = frame == null ? null : frame.name(n);
        return name == null ? null : Multi.of(LuaString.of(name), frame.get(n));
    }

    /** Sets local {@code n} of a stack level, as {@link #getlocal} sees it; returns its name, or nil if none. */
    private static Object setlocal(LuaState s, Object[] a) {
        int base = Args.arg(a, 0) instanceof Coroutine ? 1 : 0;
        // PUC checks that the level and the index are integers before it checks the level's range
        Args.checkInteger(s, a, base);
        int n = (int) Args.checkInteger(s, a, base + 1);
        DebugFrame frame = localsAt(s, a, base);
        Object value = Args.checkAny(a, base + 2);
        String name = frame == null ? null : frame.name(n);
        if (name == null) {
            return null;
        }
        frame.set(n, value);
        return LuaString.of(name);
    }

    /**
     * The locals of the level argument {@code base} gives, in the running coroutine or in a suspended one: null
     * when its function keeps none (or the coroutine cannot be inspected). A level beyond the stack is an error.
     */
    private static DebugFrame localsAt(LuaState s, Object[] a, int base) {
        int level = (int) Args.checkInteger(s, a, base);
        List<CallStack.Level> levels = levelsOf(s, a, base);
        if (levels == null) {
            return null;
        }
        if (level < 0 || level >= levels.size()) {
            throw Args.error(base, "level out of range");
        }
        return levels.get(level).locals();
    }

    /**
     * The levels of the coroutine given before argument {@code base}, or of the running one: another coroutine's
     * only while it is suspended with functions that keep their locals (as it yielded), else null.
     */
    private static List<CallStack.Level> levelsOf(LuaState s, Object[] a, int base) {
        if (base == 1 && a[0] != s.currentCoroutine()) {
            return ((Coroutine) a[0]).suspendedLevels();
        }
        return CallStack.levels(s.currentCoroutine());
    }

    private static Object sethook(LuaState s, Object[] a) {
        int base = Args.arg(a, 0) instanceof Coroutine ? 1 : 0;
        Coroutine co = base == 1 ? (Coroutine) a[0] : s.currentCoroutine();
        if (Args.isNoneOrNil(a, base)) {
            Hooks.set(co, null);
            return Multi.EMPTY;
        }
        String given = Args.checkString(s, a, base + 1).toString();
        LuaFunction fn = Args.checkFunction(s, a, base);
        int count = (int) Args.optInteger(s, a, base + 2, 0);
        StringBuilder mask = new StringBuilder();
        for (char event : new char[] {'c', 'r', 'l'}) {
            if (given.indexOf(event) >= 0) {
                mask.append(event);
            }
        }
        boolean none = mask.isEmpty() && count <= 0;
        Hooks.set(co, none ? null : new Hooks.Hook(fn, mask.toString(), Math.max(count, 0)));
        return Multi.EMPTY;
    }

    private static Object gethook(LuaState s, Object[] a) {
        Coroutine co = Args.arg(a, 0) instanceof Coroutine c ? c : s.currentCoroutine();
        Hooks.Hook hook = Hooks.get(co);
        if (hook == null) {
            return null;
        }
        return Multi.of(hook.function(), LuaString.of(hook.mask()), (long) hook.count());
    }

    private static Object getupvalue(LuaState s, Object[] a) {
        int n = (int) Args.checkInteger(s, a, 1) - 1;
        LuaFunction f = Args.checkFunction(s, a, 0);
        String name = Upvalues.name(f, n);
        if (name == null) {
            return Multi.EMPTY;
        }
        return Multi.of(LuaString.of(name), f instanceof LuaClosure c ? Upvalues.get(c, n) : null);
    }

    private static Object setupvalue(LuaState s, Object[] a) {
        Object value = Args.checkAny(a, 2);
        int n = (int) Args.checkInteger(s, a, 1) - 1;
        LuaFunction f = Args.checkFunction(s, a, 0);
        String name = Upvalues.name(f, n);
        if (name == null) {
            return Multi.EMPTY;
        }
        if (f instanceof LuaClosure c) {
            Upvalues.set(c, n, value);
        }
        return LuaString.of(name);
    }

    private static Object upvalueid(LuaState s, Object[] a) {
        int n = (int) Args.checkInteger(s, a, 1) - 1;
        LuaFunction f = Args.checkFunction(s, a, 0);
        return Upvalues.name(f, n) == null ? null : Upvalues.id(f, n);
    }

    private static Object upvaluejoin(LuaState s, Object[] a) {
        int n1 = checkUpvalue(s, a, 0);
        int n2 = checkUpvalue(s, a, 2);
        if (!(a[0] instanceof LuaClosure f1)) {
            throw Args.error(0, "Lua function expected");
        }
        if (!(a[2] instanceof LuaClosure f2)) {
            throw Args.error(2, "Lua function expected");
        }
        Upvalues.join(f1, n1, f2, n2);
        return Multi.EMPTY;
    }

    /** The index (from 0) of the upvalue that arguments {@code fn} and {@code fn + 1} name; it must exist. */
    private static int checkUpvalue(LuaState s, Object[] a, int fn) {
        int n = (int) Args.checkInteger(s, a, fn + 1) - 1;
        LuaFunction f = Args.checkFunction(s, a, fn);
        if (Upvalues.name(f, n) == null) {
            throw Args.error(fn + 1, "invalid upvalue index");
        }
        return n;
    }

    /** Userdata has no user values here; the argument is checked as PUC does. */
    private static Object setuservalue(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof LuaUserdata)) {
            throw Args.typeError(s, a, 0, "userdata");
        }
        Args.checkAny(a, 1);
        return null;
    }

    private static Object setmetatable(LuaState s, Object[] a) {
        Object v = Args.arg(a, 0);
        Object mt = Args.arg(a, 1);
        if (a.length < 2 || mt != null && !(mt instanceof LuaTable)) {
            throw Args.typeError(s, a, 1, "nil or table");
        }
        switch (v) {
            case LuaTable t -> t.setMetatable((LuaTable) mt);
            case LuaUserdata u -> u.setMetatable((LuaTable) mt);
            case null, default -> s.setTypeMetatable(v, (LuaTable) mt);
        }
        return v;
    }

    private static Object getinfo(LuaState s, Object[] a) {
        int argBase = Args.arg(a, 0) instanceof Coroutine ? 1 : 0;
        Object target = Args.arg(a, argBase);
        String what = Args.optString(s, a, argBase + 1, LuaString.of("flnSrtu")).toString();
        for (int i = 0; i < what.length(); i++) {
            if ("SlnrutfL".indexOf(what.charAt(i)) < 0) {
                throw Args.error(argBase + 1, "invalid option");
            }
        }
        LuaTable info = new LuaTable();
        if (target instanceof LuaFunction f) {
            describeFunction(info, f);
            if (what.indexOf('l') >= 0) {
                info.putStr(LuaString.of("currentline"), -1L);
            }
        } else if (target instanceof Long || target instanceof Double) {
            int level = (int) Args.checkInteger(s, a, argBase);
            List<CallStack.Level> levels = levelsOf(s, a, argBase);
            if (levels == null || level < 0 || level >= levels.size()) {
                return null;
            }
            List<CallStack.Frame> frames = levels.stream().map(CallStack.Level::frame).toList();
            CallStack.Frame f = frames.get(level);
            describeFrame(info, f);
            DebugFrame locals = levels.get(level).locals();
            if (what.indexOf('f') >= 0 && locals != null) {
                info.putStr(LuaString.of("func"), locals.function());
            }
            info.putStr(LuaString.of("istailcall"), f.tailCalled());
            FunctionInfo.Desc calledAs = CallStack.calledAs(frames, level);
            if (calledAs != null) {
                info.putStr(LuaString.of("name"), LuaString.of(calledAs.name()));
                info.putStr(LuaString.of("namewhat"), LuaString.of(calledAs.kind().equals("global")
                        ? "global" : calledAs.kind()));
            } else {
                info.putStr(LuaString.of("namewhat"), LuaString.EMPTY);
            }
        } else {
            throw Args.error(argBase, "function or level expected");
        }
        if (target instanceof LuaFunction) {
            info.putStr(LuaString.of("istailcall"), Boolean.FALSE);
        }
        if (what.indexOf('f') >= 0 && target instanceof LuaFunction) {
            info.putStr(LuaString.of("func"), target);
        }
        return info;
    }

    private static void describeFunction(LuaTable info, LuaFunction f) {
        if (f instanceof LuaClosure c) {
            FunctionInfo fi = c.info();
            source(info, fi, fi.isMainChunk() ? "main" : "Lua");
        } else {
            source(info, null, "C");
        }
        describeParams(info, f instanceof LuaClosure c ? c.info() : null);
    }

    /** {@code nups}, {@code nparams} and {@code isvararg}; a Java function is seen as a C function: 0, 0, true. */
    private static void describeParams(LuaTable info, FunctionInfo fi) {
        info.putStr(LuaString.of("nups"), fi == null ? 0L : (long) fi.upvalues());
        info.putStr(LuaString.of("nparams"), fi == null ? 0L : (long) fi.params());
        info.putStr(LuaString.of("isvararg"), fi == null || fi.isVararg());
    }

    private static void describeFrame(LuaTable info, CallStack.Frame f) {
        if (f.isLua()) {
            FunctionInfo fi = f.info();
            source(info, fi, fi.isMainChunk() ? "main" : "Lua");
            info.putStr(LuaString.of("currentline"), (long) f.line());
            describeParams(info, fi);
        } else {
            source(info, null, "C");
            info.putStr(LuaString.of("currentline"), -1L);
            describeParams(info, null);
        }
    }

    /** The source fields of a Lua function's info, or of a Java function's when {@code fi} is null. */
    private static void source(LuaTable info, FunctionInfo fi, String what) {
        info.putStr(LuaString.of("short_src"), LuaString.of(fi == null ? "[C]" : fi.source()));
        info.putStr(LuaString.of("source"), LuaString.of(fi == null ? "=[C]" : fi.sourceName()));
        info.putStr(LuaString.of("what"), LuaString.of(what));
        info.putStr(LuaString.of("linedefined"), (long) (fi == null ? -1 : fi.lineDefined()));
        info.putStr(LuaString.of("lastlinedefined"), (long) (fi == null ? -1 : fi.lastLineDefined()));
    }
}
