package dev.wippy.lua.lib;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.CallStack;
import dev.wippy.lua.vm.Coroutine;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;

/** The {@code coroutine} library over {@link Coroutine}s (each body runs on its own virtual thread). */
public final class CoroutineLib {
    static final LuaTable TEMPLATE = new LibraryBuilder("coroutine")
            .fn("create", (s, a) -> new Coroutine(s, Args.checkFunction(s, a, 0)))
            .fn("resume", CoroutineLib::resume)
            .fn("yield", (s, a) -> Multi.of(yieldCurrent(s, a)))
            .fn("status", (s, a) -> LuaString.of(status(s, check(s, a, 0))))
            .fn("running", (s, a) -> Multi.of(s.currentCoroutine(), s.currentCoroutine().isMain()))
            .fn("isyieldable", (s, a) -> {
                Coroutine co = a.length > 0 ? check(s, a, 0) : s.currentCoroutine();
                return co.isYieldable();
            })
            .fn("wrap", CoroutineLib::wrap)
            .fn("close", CoroutineLib::close)
            .build();

    private CoroutineLib() {}

    public static LuaTable install(LuaState s) {
        LuaTable t = LuaTable.copyOnWrite(TEMPLATE);
        s.globals().putStr(LuaString.of("coroutine"), t);
        return t;
    }

    private static Coroutine check(LuaState s, Object[] a, int i) {
        if (Args.arg(a, i) instanceof Coroutine co) {
            return co;
        }
        throw Args.typeError(s, a, i, "thread"); // 5.4.4 wording (later releases say "coroutine")
    }

    private static String status(LuaState s, Coroutine co) {
        return co == s.currentCoroutine() ? "running" : co.status().luaName;
    }

    private static Object resume(LuaState s, Object[] a) {
        Coroutine co = check(s, a, 0);
        Object[] args = java.util.Arrays.copyOfRange(a, 1, a.length);
        Coroutine.Outcome out = co.resume(args);
        if (out.ok()) {
            return Multi.of(BaseLib.prepend(Boolean.TRUE, out.values()));
        }
        return Multi.of(Boolean.FALSE, out.error());
    }

    private static Object[] yieldCurrent(LuaState s, Object[] a) {
        Coroutine co = s.currentCoroutine();
        if (co.isMain()) {
            throw LuaError.library("attempt to yield from outside a coroutine");
        }
        if (!co.isYieldable()) {
            throw LuaError.library("attempt to yield across a C-call boundary");
        }
        return co.yield(a);
    }

    private static Object wrap(LuaState s, Object[] a) {
        Coroutine co = new Coroutine(s, Args.checkFunction(s, a, 0));
        return new Wrapped(co);
    }

    /** The function {@code coroutine.wrap} returns: resumes and propagates errors with the caller's position. */
    private static final class Wrapped extends LuaFunction {
        private final Coroutine co;

        Wrapped(Coroutine co) {
            this.co = co;
        }

        @Override
        public Object callv(LuaState s, Object[] args) {
            Coroutine.Outcome out = co.resume(args);
            if (out.ok()) {
                return Multi.of(out.values());
            }
            Object err = out.error();
            if (co.status() == Coroutine.Status.DEAD) {
                co.close();
            }
            if (err instanceof LuaString msg) {
                err = LuaString.of(CallStack.where(1)).concat(msg);
            }
            throw new LuaError(err);
        }
    }

    private static Object close(LuaState s, Object[] a) {
        Coroutine co = check(s, a, 0);
        Coroutine.Status st = co.status();
        if (co == s.currentCoroutine() || st == Coroutine.Status.RUNNING) {
            throw LuaError.library("cannot close a running coroutine");
        }
        if (st == Coroutine.Status.NORMAL) {
            throw LuaError.library("cannot close a normal coroutine");
        }
        Object err = co.close();
        return err == null ? Boolean.TRUE : Multi.of(Boolean.FALSE, err);
    }
}
