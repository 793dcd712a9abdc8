package dev.wippy.runtime.funcs;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.Payload;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code funcs} module (spec 03 §3.3): synchronous and asynchronous calls, executors and futures. */
public final class FuncsModule {
    static final LuaTable EXECUTOR_META = new LuaTable();
    static final LuaTable FUTURE_META = new LuaTable();

    static {
        LuaTable ex = new LuaTable();
        ex.putStr(LuaString.of("call"), new JavaFunction("call", (s, a) -> call(s, executor(s, a), a, 1)));
        ex.putStr(LuaString.of("async"), new JavaFunction("async", (s, a) -> async(s, executor(s, a), a, 1)));
        ex.putStr(LuaString.of("with_context"), new JavaFunction("with_context", (s, a) -> {
            Executor e = executor(s, a);
            Map<String, Object> ctx = new LinkedHashMap<>(e.context());
            ctx.putAll(contextValues(Args.checkTable(s, a, 1)));
            return new Executor(e.functions(), Map.copyOf(ctx), e.options());
        }));
        ex.putStr(LuaString.of("with_options"), new JavaFunction("with_options", (s, a) -> {
            Executor e = executor(s, a);
            LuaTable t = Args.checkTable(s, a, 1);
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> options = (Map<String, Object>) Frozen.toJava(Frozen.freeze(t));
                return new Executor(e.functions(), e.context(), options instanceof Map<?, ?> ? options : Map.of());
            } catch (Frozen.NotTransferable | ClassCastException err) {
                return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, "call options must be plain data"));
            }
        }));
        for (String name : new String[] {"with_actor", "with_scope"}) {
            ex.putStr(LuaString.of(name), new JavaFunction(name, (s, a) -> {
                throw LuaError.library(name + ": security actors and scopes are not supported by this runtime");
            }));
        }
        EXECUTOR_META.putStr(MetaNames.INDEX, ex.freeze());
        EXECUTOR_META.putStr(MetaNames.NAME, LuaString.of("Executor"));

        LuaTable f = new LuaTable();
        JavaFunction response = new JavaFunction("response", (s, a) -> future(s, a).channel());
        f.putStr(LuaString.of("response"), response);
        f.putStr(LuaString.of("channel"), response);
        f.putStr(LuaString.of("is_complete"), new JavaFunction("is_complete",
                (s, a) -> future(s, a).outcome() != null));
        f.putStr(LuaString.of("is_canceled"), new JavaFunction("is_canceled", (s, a) -> future(s, a).isCanceled()));
        f.putStr(LuaString.of("result"), new JavaFunction("result", (s, a) -> {
            FutureValue fv = future(s, a);
            ExitResult r = fv.outcome();
            if (fv.isCanceled()) {
                return Multi.of(null, FutureValue.canceledError());
            }
            if (r == null) {
                return Multi.of(null, null);
            }
            return r.isAbnormal() ? Multi.of(null, r.error()) : Multi.of(new Payload(r.value()), null);
        }));
        f.putStr(LuaString.of("error"), new JavaFunction("error", (s, a) -> {
            ExitResult r = future(s, a).outcome();
            return r != null && r.isAbnormal() ? Multi.of(r.error(), Boolean.TRUE) : Multi.of(null, Boolean.FALSE);
        }));
        f.putStr(LuaString.of("cancel"), new JavaFunction("cancel", (s, a) -> {
            future(s, a).cancel();
            return Boolean.TRUE;
        }));
        FUTURE_META.putStr(MetaNames.INDEX, f.freeze());
        FUTURE_META.putStr(MetaNames.NAME, LuaString.of("Future"));
    }

    private FuncsModule() {
    }

    /** The module for an app's functions. */
    public static ModuleProvider provider(Functions functions) {
        Executor base = new Executor(functions, Map.of(), Map.of());
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("call"), new JavaFunction("funcs.call", (s, a) -> call(s, base, a, 0)));
        t.putStr(LuaString.of("async"), new JavaFunction("funcs.async", (s, a) -> async(s, base, a, 0)));
        t.putStr(LuaString.of("new"), new JavaFunction("funcs.new", (s, a) -> base));
        t.freeze();
        return s -> t;
    }

    private static Executor executor(LuaState s, Object[] a) {
        if (Args.arg(a, 0) instanceof Executor e) {
            return e;
        }
        throw Args.typeError(s, a, 0, "Executor");
    }

    private static FutureValue future(LuaState s, Object[] a) {
        if (Args.arg(a, 0) instanceof FutureValue f) {
            return f;
        }
        throw Args.typeError(s, a, 0, "Future");
    }

    /** String keys only; values that cannot cross executions are dropped (spec 03 §3.4). */
    private static Map<String, Object> contextValues(LuaTable t) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            if (t.slotKey(slot) instanceof LuaString key) {
                try {
                    out.put(key.toString(), Frozen.freeze(t.slotValue(slot)));
                } catch (Frozen.NotTransferable ignored) {
                    // dropped, as the spec asks for context maps
                }
            }
        }
        return out;
    }

    /** Starts a call, or returns the error that prevents it. */
    private static Object start(LuaState s, Executor ex, Object[] a, int first) {
        LuaString target = Args.checkString(s, a, first);
        String id = target.toString();
        ErrorObject invalid = Functions.invalidTarget(id);
        if (invalid != null) {
            return invalid;
        }
        Execution caller = Execution.of(s);
        if (caller == null) {
            return ErrorObject.of(ErrorObject.INTERNAL, "funcs needs an execution context", false, null);
        }
        Object[] args;
        try {
            args = Frozen.freezeAll(Arrays.copyOfRange(a, first + 1, Math.max(first + 1, a.length)));
        } catch (Frozen.NotTransferable e) {
            return ErrorObject.of(ErrorObject.INVALID, e.getMessage(), false, null);
        }
        return CallHost.of(s, ex.functions()).start(caller, id, args, ex.context(), ex.options());
    }

    static Object call(LuaState s, Executor ex, Object[] a, int first) {
        Object started = start(s, ex, a, first);
        if (started instanceof ErrorObject err) {
            return Multi.of(null, err);
        }
        CallHost.Started c = (CallHost.Started) started;
        Execution caller = Execution.of(s);
        Runnable cancel = c::cancel;
        caller.onCancel(cancel);
        ExitResult r;
        try {
            r = Scheduler.of(s).awaitFuture(c.outcome());
        } catch (Killed k) {
            c.cancel();
            throw k;
        } finally {
            caller.removeCancelHook(cancel);
        }
        if (r.isAbnormal()) {
            return Multi.of(null, r.error());
        }
        Object v = r.value();
        return Frozen.thaw(v instanceof Payload p ? p.frozen() : v);
    }

    static Object async(LuaState s, Executor ex, Object[] a, int first) {
        Object started = start(s, ex, a, first);
        if (started instanceof ErrorObject err) {
            return Multi.of(null, err);
        }
        Channel channel = Channel.runtimeFed(Scheduler.of(s));
        return new FutureValue((CallHost.Started) started, channel, Execution.of(s));
    }
}
