package dev.wippy.lua.fuzz;

import dev.wippy.lua.Lua;
import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.syntax.LuaSyntaxError;
import dev.wippy.lua.vm.CallResult;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaInterrupt;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * Runs one fuzz try: compiles and runs a chunk in a fresh standalone state on a thread with the interpreter's deep
 * stack, stops it through the budget hook when its time is up (as a terminated process is stopped), and says how
 * it ended. A Java exception other than a Lua error is a crash and a try that is still running a second after it
 * started hangs; both fail the try with an {@link AssertionError}.
 */
final class BoundedRun {
    /** Running Lua code is interrupted after this: mutations readily make endless loops. */
    static final Duration INTERRUPT_AFTER = Duration.ofMillis(250);
    /** A try that has not ended by then hangs: some work does not reach the budget hook. */
    static final Duration HANG_AFTER = Duration.ofSeconds(1);
    private static final long STACK_BYTES = 512L << 20;
    private static final int BUDGET_INTERVAL = 1000;
    /** How a Java exception that a coroutine turned into an error value reads; a Lua error never reads so. */
    private static final Pattern JAVA_EXCEPTION = Pattern.compile("\\bjava\\.[a-z.]+\\.[A-Za-z]+(Exception|Error)\\b");
    /** What could touch the machine: files, other programs, the exit of the test JVM. */
    private static final String[][] UNSAFE = {
            {"os", "execute"}, {"os", "exit"}, {"os", "remove"}, {"os", "rename"}, {"os", "tmpname"},
            {"io", "open"}, {"io", "popen"}, {"io", "lines"}, {"io", "input"}, {"io", "output"}, {"io", "tmpfile"},
            {null, "dofile"}, {null, "loadfile"}, {null, "require"}};

    enum Outcome { RETURNED, LUA_ERROR, SYNTAX_ERROR, INTERRUPTED }

    private BoundedRun() {
    }

    /** Compiles {@code source} as chunk {@code chunkName} and runs it with {@code args} as its {@code ...}. */
    static Outcome run(String chunkName, byte[] source, Object... args) {
        return bounded(() -> {
            CompiledChunk chunk;
            try {
                chunk = Lua.compile(source, chunkName);
            } catch (LuaSyntaxError e) {
                return Outcome.SYNTAX_ERROR;
            }
            return runHere(chunk, args);
        });
    }

    /** Runs {@code chunk}, compiled once for many tries, with {@code args} as its {@code ...}. */
    static Outcome run(CompiledChunk chunk, Object... args) {
        return bounded(() -> runHere(chunk, args));
    }

    private static Outcome bounded(Callable<Outcome> attempt) {
        try {
            return TimeBound.call(HANG_AFTER, STACK_BYTES, attempt);
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("crash: a Java exception escaped: " + t, t);
        }
    }

    private static Outcome runHere(CompiledChunk chunk, Object[] args) {
        LuaState s = Lua.newState(Lua.Profile.STANDALONE, new ByteArrayInputStream(new byte[0]),
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        removeUnsafe(s.globals());
        long deadline = System.nanoTime() + INTERRUPT_AFTER.toNanos();
        s.setBudgetHook(st -> {
            if (System.nanoTime() > deadline) {
                throw new TimeUp();
            }
        }, BUDGET_INTERVAL);
        try {
            CallResult.all(s, chunk.instantiate(s.globals()).callv(s, args));
            return Outcome.RETURNED;
        } catch (LuaInterrupt e) {
            return Outcome.INTERRUPTED;
        } catch (LuaError e) {
            if (e.value() instanceof LuaString message && JAVA_EXCEPTION.matcher(message.toString()).find()) {
                throw new AssertionError("crash: a Java exception became the Lua error " + message);
            }
            return Outcome.LUA_ERROR;
        }
    }

    private static void removeUnsafe(LuaTable globals) {
        for (String[] name : UNSAFE) {
            LuaTable table = name[0] == null ? globals : (LuaTable) globals.getStr(LuaString.of(name[0]));
            table.putStr(LuaString.of(name[1]), null);
        }
    }

    /** The try's time is up: pcall lets it pass and no to-be-closed handler runs, as for a terminated process. */
    private static final class TimeUp extends LuaInterrupt {
        TimeUp() {
            super("the fuzz try's time is up");
        }

        @Override
        public boolean runsCloseHandlers() {
            return false;
        }
    }
}
