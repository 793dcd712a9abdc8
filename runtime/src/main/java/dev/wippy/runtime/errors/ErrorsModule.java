package dev.wippy.runtime.errors;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.CallStack;
import dev.wippy.lua.vm.FunctionInfo;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.FrozenTable;

import java.util.List;
import java.util.Map;

/** The {@code errors} global (spec 03 §3.10) and the metatable of error objects. */
public final class ErrorsModule {
    static final LuaTable META = new LuaTable();
    /** The shared, read-only {@code errors} table. */
    public static final LuaTable TABLE = new LuaTable();

    static {
        LuaTable methods = new LuaTable();
        method(methods, "kind", (s, e) -> LuaString.of(e.kind()));
        method(methods, "message", (s, e) -> LuaString.of(e.message()));
        method(methods, "retryable", (s, e) -> e.retryable());
        method(methods, "details", (s, e) -> e.details() == null ? null : Frozen.thaw(frozenDetails(e.details())));
        method(methods, "stack", (s, e) -> LuaString.of(stackText(e)));
        META.putStr(MetaNames.INDEX, methods);
        META.putStr(MetaNames.NAME, LuaString.of("error"));
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> ((ErrorObject) a[0]).text()));
        META.putStr(MetaNames.CONCAT, new JavaFunction("concat",
                (s, a) -> text(s, a[0]).concat(text(s, a[1]))));

        put("NOT_FOUND", ErrorObject.NOT_FOUND);
        put("ALREADY_EXISTS", ErrorObject.ALREADY_EXISTS);
        put("INVALID", ErrorObject.INVALID);
        put("PERMISSION_DENIED", ErrorObject.PERMISSION_DENIED);
        put("UNAVAILABLE", ErrorObject.UNAVAILABLE);
        put("INTERNAL", ErrorObject.INTERNAL);
        put("CANCELED", ErrorObject.CANCELED);
        put("CONFLICT", ErrorObject.CONFLICT);
        put("TIMEOUT", ErrorObject.TIMEOUT);
        put("RATE_LIMITED", ErrorObject.RATE_LIMITED);
        put("UNKNOWN", ErrorObject.UNKNOWN);
        fn("new", ErrorsModule::newError);
        fn("wrap", ErrorsModule::wrap);
        fn("is", (s, a) -> Args.arg(a, 0) instanceof ErrorObject e && a.length > 1
                && a[1] instanceof LuaString k && e.kind().equals(k.toString()));
        fn("call_stack", ErrorsModule::callStack);
    }

    private ErrorsModule() {}

    private interface Method {
        Object apply(LuaState s, ErrorObject e);
    }

    private static void method(LuaTable t, String name, Method m) {
        t.putStr(LuaString.of(name), new JavaFunction(name, (s, a) -> {
            if (!(Args.arg(a, 0) instanceof ErrorObject e)) {
                throw Args.typeError(s, a, 0, "error");
            }
            return m.apply(s, e);
        }));
    }

    private static void put(String name, String kind) {
        TABLE.putStr(LuaString.of(name), LuaString.of(kind));
    }

    private static void fn(String name, JavaFunction.Body body) {
        TABLE.putStr(LuaString.of(name), new JavaFunction("errors." + name, body));
    }

    private static LuaString text(LuaState s, Object v) {
        if (v instanceof ErrorObject e) {
            return e.text();
        }
        LuaString str = Interop.toStringCoerced(v);
        if (str == null) {
            throw LuaError.runtime("attempt to concatenate a " + Interop.objTypeName(s, v) + " value");
        }
        return str;
    }

    private static Object newError(LuaState s, Object[] a) {
        Object arg = Args.arg(a, 0);
        if (arg instanceof LuaString msg) {
            return ErrorObject.of(ErrorObject.UNKNOWN, msg.toString(), null, null);
        }
        if (!(arg instanceof LuaTable t)) {
            throw LuaError.library("errors.new expects a message string or an options table");
        }
        if (!(t.getStr(LuaString.of("message")) instanceof LuaString msg)) {
            throw LuaError.library("errors.new: 'message' must be a string");
        }
        String kind = t.getStr(LuaString.of("kind")) instanceof LuaString k ? k.toString() : ErrorObject.UNKNOWN;
        Boolean retryable = t.getStr(LuaString.of("retryable")) instanceof Boolean b ? b : null;
        Map<String, Object> details = null;
        if (t.getStr(LuaString.of("details")) instanceof LuaTable d) {
            details = ((FrozenTable) Frozen.freeze(d)).asStringMap();
        }
        return ErrorObject.of(kind, msg.toString(), retryable, details);
    }

    private static Object wrap(LuaState s, Object[] a) {
        Object inner = Args.arg(a, 0);
        Object context = Args.arg(a, 1);
        ErrorObject base;
        if (inner instanceof ErrorObject e) {
            base = e;
        } else if (inner instanceof LuaString str) {
            base = ErrorObject.of(ErrorObject.UNKNOWN, str.toString(), null, null);
        } else {
            throw LuaError.library("errors.wrap expects an error or a string to wrap");
        }
        String ctx;
        if (context instanceof ErrorObject ce) {
            ctx = ce.message();
        } else if (context instanceof LuaString cs) {
            ctx = cs.toString();
        } else {
            throw LuaError.library("errors.wrap expects a context string or error");
        }
        return ErrorObject.wrap(base, ctx);
    }

    private static FrozenTable frozenDetails(Map<String, Object> details) {
        Object[] keys = new Object[details.size()];
        Object[] values = new Object[details.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : details.entrySet()) {
            keys[i] = LuaString.of(e.getKey());
            values[i++] = e.getValue();
        }
        return new FrozenTable(keys, values);
    }

    /** {@code err:stack()}: per error in the wrap chain, its context then one line per Lua frame. */
    static String stackText(ErrorObject e) {
        StringBuilder sb = new StringBuilder();
        for (ErrorObject cur = e; cur != null; cur = cur.inner()) {
            if (cur.context() != null) {
                sb.append(cur.context()).append('\n');
            }
            List<CallStack.Frame> frames = cur.stack();
            for (int i = 0; i < frames.size(); i++) {
                CallStack.Frame f = frames.get(i);
                if (f.isLua()) {
                    FunctionInfo.Desc d = CallStack.calledAs(frames, i);
                    String name = d != null ? d.name() : f.info().isMainChunk() ? "main chunk" : "?";
                    sb.append("  ").append(f.source()).append(':').append(f.line()).append(" (").append(name)
                            .append(")\n");
                }
            }
        }
        return sb.toString();
    }

    private static Object callStack(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof ErrorObject e) || e.stack() == null) {
            return null;
        }
        LuaTable result = new LuaTable();
        result.putStr(LuaString.of("thread"), LuaString.of(Thread.currentThread().getName()));
        LuaTable frames = new LuaTable();
        List<CallStack.Frame> stack = e.stack();
        for (int i = 0; i < stack.size(); i++) {
            CallStack.Frame f = stack.get(i);
            LuaTable frame = new LuaTable();
            frame.putStr(LuaString.of("level"), (long) i + 1);
            frame.putStr(LuaString.of("source"), LuaString.of(f.source()));
            frame.putStr(LuaString.of("line"), (long) f.line());
            FunctionInfo.Desc d = CallStack.calledAs(stack, i);
            frame.putStr(LuaString.of("name"), d == null ? null : LuaString.of(d.name()));
            frame.putStr(LuaString.of("type"), LuaString.of(!f.isLua() ? "C"
                    : f.info().isMainChunk() ? "main" : "Lua"));
            frames.putInt(i + 1, frame);
        }
        result.putStr(LuaString.of("frames"), frames);
        return result;
    }
}
