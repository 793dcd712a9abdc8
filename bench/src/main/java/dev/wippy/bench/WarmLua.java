package dev.wippy.bench;

import dev.wippy.lua.Lua;
import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.vm.CallResult;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.memory.ByteSize;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Warm timings: runs each Lua program several times inside one JVM (compiled once, a fresh state per run, output
 * discarded) and prints {@code <program> <best seconds>} per line. A program that raises an error stops the run
 * with a non-zero exit status. {@code -Dwippy.bench.clock=cpu} times the CPU the running thread used instead of the
 * wall clock: on a loaded machine that still compares two builds.
 */
public final class WarmLua {
    /** {@code -Dwippy.bench.max_memory=SIZE} limits each run's state, to measure what enforcing a limit costs. */
    private static final long MAX_MEMORY = System.getProperty("wippy.bench.max_memory") == null ? 0
            : ByteSize.parse(System.getProperty("wippy.bench.max_memory"));

    private static final boolean CPU_CLOCK = "cpu".equals(System.getProperty("wippy.bench.clock"));
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WarmLua() {}

    private static long now() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("runs", "5"));
        for (String file : args) {
            Path path = Path.of(file);
            CompiledChunk chunk = Lua.compile(Files.readAllBytes(path), path.getFileName().toString());
            double best = Double.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                best = Math.min(best, runOnce(chunk, path.getFileName().toString()));
            }
            System.out.printf("%s %.3f%n", path.getFileName(), best);
        }
    }

    /** Runs the program once in a fresh state; a program that fails fails the whole run (it has no time). */
    private static double runOnce(CompiledChunk chunk, String name) throws InterruptedException {
        double[] seconds = new double[1];
        Throwable[] failure = new Throwable[1];
        // the same deep stack the standalone runner gives scripts
        Thread t = new Thread(null, () -> {
            LuaState s = Lua.newState(Lua.Profile.STANDALONE, new ByteArrayInputStream(new byte[0]),
                    OutputStream.nullOutputStream(), System.err);
            LuaTable arg = new LuaTable();
            arg.putInt(0, LuaString.of(name));
            s.globals().putStr(LuaString.of("arg"), arg);
            s.setMemoryLimit(MAX_MEMORY);
            long start = now();
            CallResult.all(s, chunk.instantiate(s.globals()).callv(s, new Object[0]));
            seconds[0] = (now() - start) / 1e9;
        }, "bench", 512L << 20);
        t.setUncaughtExceptionHandler((thread, e) -> failure[0] = e);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new IllegalStateException(name + " failed: " + failure[0].getMessage(), failure[0]);
        }
        return seconds[0];
    }
}
