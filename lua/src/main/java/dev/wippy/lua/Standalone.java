package dev.wippy.lua;

import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.lib.LuaExit;
import dev.wippy.lua.syntax.ChunkNames;
import dev.wippy.lua.syntax.LuaSyntaxError;
import dev.wippy.lua.vm.CallResult;
import dev.wippy.lua.vm.CallStack;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Traceback;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a script the way the {@code lua} command does: global {@code arg}, the arguments as {@code ...}, and for
 * an uncaught error {@code lua: message} plus a traceback on stderr and exit status 1.
 */
public final class Standalone {
    /** Deep Lua recursion needs a deep Java stack; PUC allows about 200,000 levels. */
    private static final long STACK_BYTES = 512L << 20;

    private Standalone() {}

    /** Runs {@code script} (a path relative to the working directory) and returns the exit status. */
    public static int run(String script, List<String> args, InputStream in, OutputStream out, OutputStream err) {
        return run(Path.of(""), script, args, in, out, err);
    }

    /**
     * Runs {@code script}, a path relative to {@code directory} that is also its chunk name (so messages read
     * as if {@code lua} had been started in that directory).
     */
    public static int run(Path directory, String script, List<String> args, InputStream in, OutputStream out,
                          OutputStream err) {
        byte[] source;
        try {
            source = Files.readAllBytes(directory.resolve(script));
        } catch (IOException e) {
            new PrintStream(err, true, StandardCharsets.UTF_8).println("lua: cannot open " + script);
            return 1;
        }
        return run(script, source, args, in, out, err);
    }

    /** Runs {@code source} as the script {@code script} (its name in messages and {@code arg[0]}). */
    public static int run(String script, byte[] source, List<String> args, InputStream in, OutputStream out,
                          OutputStream err) {
        int[] status = new int[1];
        Thread main = new Thread(null, () -> status[0] = runHere(script, source, args, in, out, err),
                "lua-main", STACK_BYTES);
        main.start();
        try {
            main.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return status[0];
    }

    private static int runHere(String script, byte[] source, List<String> args, InputStream in,
                               OutputStream rawOut, OutputStream err) {
        BufferedOutputStream out = new BufferedOutputStream(rawOut, 1 << 16);
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        LuaState s = Lua.newState(Lua.Profile.STANDALONE, in, out, err);
        s.globals().putStr(LuaString.of("arg"), argTable(script, args));
        s.gc().mode = "generational"; // lua.c switches its state to the generational collector
        CompiledChunk chunk;
        try {
            chunk = Lua.compile(source, ChunkNames.display("@" + script));
        } catch (LuaSyntaxError e) {
            errors.println("lua: " + e.getMessage());
            return 1;
        }
        LuaFunction main = chunk.instantiate(s.globals());
        Object[] scriptArgs = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            scriptArgs[i] = LuaString.of(args.get(i));
        }
        CallStack.beginCapturing();
        try {
            CallResult.all(s, main.callv(s, scriptArgs));
        } catch (LuaExit e) {
            flush(out);
            return e.status();
        } catch (LuaError e) {
            flush(out);
            LuaString shown = tostringMeta(s, e.value());
            if (shown != null) {
                // lua.c's message handler returns what __tostring makes of an error object, without a traceback
                errors.println("lua: " + shown);
                return 1;
            }
            errors.println("lua: " + message(e.value()));
            errors.println(e.frames() == null ? "stack traceback:\n\t[C]: in ?"
                    : Traceback.format(e.frames(), true));
            return 1;
        } catch (StackOverflowError e) {
            flush(out);
            errors.println("lua: stack overflow");
            return 1;
        } finally {
            CallStack.endCapturing();
        }
        flush(out);
        return 0;
    }

    private static LuaTable argTable(String script, List<String> args) {
        LuaTable arg = new LuaTable();
        arg.putInt(-1, LuaString.of("lua"));
        arg.putInt(0, LuaString.of(script));
        for (int i = 0; i < args.size(); i++) {
            arg.putInt(i + 1, LuaString.of(args.get(i)));
        }
        return arg;
    }

    /** What the {@code __tostring} of a non-string error value makes of it, when that is a string. */
    private static LuaString tostringMeta(LuaState s, Object value) {
        if (value instanceof LuaString || value instanceof Long || value instanceof Double) {
            return null;
        }
        Object handler = Interop.metamethod(s, value, MetaNames.TOSTRING);
        try {
            return handler == null ? null : Interop.call1(s, handler, value) instanceof LuaString str ? str : null;
        } catch (LuaError e) {
            return null; // PUC would report the handler's own error; the type of the original is shown instead
        }
    }

    /** The text lua.c's message handler puts before the traceback. */
    private static String message(Object value) {
        if (value instanceof LuaString || value instanceof Long || value instanceof Double) {
            return Interop.rawToString(value).toString();
        }
        return "(error object is a " + Interop.typeName(value) + " value)";
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException ignored) {
            // nothing sensible to do when stdout is gone
        }
    }
}
