package dev.wippy.bench;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.process.ExitResult;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code funcs.call} of a trivial Lua function from a process, beside the same number of plain Lua calls, in one
 * booted app. Prints calls per second of both. Usage: {@code FuncsBench CALLS}
 */
public final class FuncsBench {
    private static final String INDEX = """
            namespace: bench
            entries:
              - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
              - { name: add, kind: function.lua, source: file://add.lua, method: add }
              - { name: caller, kind: process.lua, source: file://caller.lua, method: main, modules: [funcs] }
              - { name: plain, kind: process.lua, source: file://plain.lua, method: main }
            """;
    private static final String ADD = "return { add = function(a, b) return a + b end }";
    private static final String CALLER = """
            return { main = function(n)
                local sum = 0
                for i = 1, tonumber(n) do sum = funcs.call("bench:add", sum, 1) end
                return sum
            end }""";
    private static final String PLAIN = """
            local function add(a, b) return a + b end
            return { main = function(n)
                local sum = 0
                for i = 1, tonumber(n) do sum = add(sum, 1) end
                return sum
            end }""";

    private FuncsBench() {
    }

    /** Boots the app with {@code bench:caller} ({@code funcs.call} in a loop) and {@code bench:plain}. */
    public static Application boot() throws IOException {
        return BenchApp.boot("funcs-bench", Map.of("_index.yaml", INDEX, "add.lua", ADD,
                "caller.lua", CALLER, "plain.lua", PLAIN));
    }

    /**
     * Runs {@code entry} of the booted app making {@code calls} calls and returns its result (the sum of the calls'
     * results: {@code calls}); a process that fails fails the run.
     */
    public static Object run(Application app, String entry, long calls) throws Exception {
        ExitResult r = app.run(app.target(entry, null), List.of(Long.toString(calls))).done()
                .get(10, TimeUnit.MINUTES);
        if (r.isAbnormal()) {
            throw new IllegalStateException(r.error().fullText());
        }
        return r.value();
    }

    public static void main(String[] args) throws Exception {
        long calls = Long.parseLong(args[0]);
        Application app = boot();
        time(app, "bench:caller", Math.min(calls, 50_000));
        System.out.printf("funcs_call_per_second %.0f%n", calls / time(app, "bench:caller", calls));
        time(app, "bench:plain", calls);
        System.out.printf("plain_call_per_second %.0f%n", calls / time(app, "bench:plain", calls));
        app.shutdown(Duration.ofSeconds(5));
        System.exit(0);
    }

    private static double time(Application app, String entry, long calls) throws Exception {
        long t0 = System.nanoTime();
        run(app, entry, calls);
        return (System.nanoTime() - t0) / 1e9;
    }
}
