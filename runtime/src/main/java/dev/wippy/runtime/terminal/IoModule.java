package dev.wippy.runtime.terminal;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.sched.Scheduler;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code io} module (spec 03 §3.6.2). Only a process run by a terminal host has a terminal; everywhere else
 * every function but {@code args} returns {@code nil, err} (UNAVAILABLE) and does no I/O.
 */
public final class IoModule {
    private static final LuaTable TABLE = new LuaTable();

    /** Provides the shared, read-only {@code io} table. */
    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        fn("write", (s, a, t) -> write(s, t.out(), a, "", ""));
        fn("print", (s, a, t) -> write(s, t.out(), a, "\t", "\n"));
        fn("eprint", (s, a, t) -> write(s, t.err(), a, "\t", "\n"));
        fn("flush", (s, a, t) -> {
            try {
                t.out().flush();
                return Boolean.TRUE;
            } catch (IOException e) {
                return failure(ErrorObject.INTERNAL, "flush failed: " + e.getMessage());
            }
        });
        fn("readline", (s, a, t) -> input(s, t.readLine()));
        fn("read", (s, a, t) -> input(s, t.read((int) Args.optInteger(s, a, 0, 0))));
        fn("raw", (s, a, t) -> failure(ErrorObject.UNAVAILABLE, "raw mode needs a real terminal"));
        TABLE.putStr(LuaString.of("args"), new JavaFunction("args", (s, a) -> {
            LuaTable list = new LuaTable();
            Terminal t = terminalOf(s);
            if (t != null) {
                for (String arg : t.args()) {
                    list.putInt(list.length() + 1, LuaString.of(arg));
                }
            }
            return list;
        }));
        TABLE.freeze();
    }

    private IoModule() {
    }

    @FunctionalInterface
    private interface TerminalFunction {
        Object call(LuaState s, Object[] args, Terminal terminal);
    }

    private static void fn(String name, TerminalFunction body) {
        TABLE.putStr(LuaString.of(name), new JavaFunction(name, (s, a) -> {
            Terminal t = terminalOf(s);
            if (t == null) {
                return failure(ErrorObject.UNAVAILABLE, "no terminal context");
            }
            return body.call(s, a, t);
        }));
    }

    /** The terminal of the calling process, or null when it does not run on a terminal host. */
    private static Terminal terminalOf(LuaState s) {
        if (s.embedderData() instanceof ProcessExecution p && p.host() instanceof TerminalHost h) {
            return h.terminal();
        }
        return null;
    }

    private static Object write(LuaState s, OutputStream out, Object[] a, String separator, String end) {
        try {
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    out.write(separator.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                out.write(Interop.tostring(s, a[i]).rawBytes());
            }
            out.write(end.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (!end.isEmpty()) {
                out.flush();
            }
            return Boolean.TRUE;
        } catch (IOException e) {
            return failure(ErrorObject.INTERNAL, "write failed: " + e.getMessage());
        }
    }

    private static Object input(LuaState s, CompletableFuture<byte[]> read) {
        byte[] bytes;
        try {
            bytes = Scheduler.of(s).awaitFuture(read);
        } catch (CompletionException e) {
            return failure(ErrorObject.INTERNAL, "read failed: " + e.getCause().getMessage());
        }
        if (bytes == null) {
            return failure(ErrorObject.INTERNAL, "end of input");
        }
        return LuaString.wrap(bytes);
    }

    private static Object failure(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message));
    }

}
