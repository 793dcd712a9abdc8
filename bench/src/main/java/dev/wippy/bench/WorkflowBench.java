package dev.wippy.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.values.FrozenTable;
import dev.wippy.workflow.Workflows;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Durable workflows against plain function chains, same workload, same run: each unit is three sequential
 * activity calls of a trivial function and one zero-length timer. Workflows run on the embedded provider with
 * {@code durability: full} and {@code normal}; the chain runs the same calls with {@code funcs.call} in processes.
 * Prints units per second and p50/p99 latency per step (workflows: from a step's inputs to its commit; chains: one
 * call). Usage: {@code WorkflowBench UNITS STARTERS [full|normal|chains]} (one run only, for profiling)
 */
public final class WorkflowBench {
    private static final String INDEX = """
            namespace: bench
            entries:
              - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
              - { name: processes, kind: process.host, lifecycle: { auto_start: true } }
              - { name: worker, kind: workflow.worker, durability: %s }
              - { name: step, kind: function.lua, source: file://step.lua, method: main }
              - { name: flow, kind: workflow.lua, source: file://flow.lua, method: main, modules: [funcs, time] }
              - { name: chain, kind: process.lua, source: file://chain.lua, method: main, modules: [funcs, time] }
              - { name: starter, kind: process.lua, source: file://starter.lua, method: main }
              - { name: main, kind: process.lua, source: file://main.lua, method: main }
            """;
    private static final String STEP = "return { main = function(x) return x + 1 end }";
    private static final String FLOW = """
            return { main = function(x)
              x = funcs.call("bench:step", x)
              x = funcs.call("bench:step", x)
              x = funcs.call("bench:step", x)
              time.sleep(1)
              return x
            end }""";
    /** The same work as a process; returns the duration of each call in nanoseconds. */
    private static final String CHAIN = """
            return { main = function(x)
              local took = {}
              for i = 1, 3 do
                local t0 = time.now()
                x = funcs.call("bench:step", x)
                took[i] = time.now():sub(t0):nanoseconds()
              end
              time.sleep(1)
              return took
            end }""";
    /** Starts {@code n} units on {@code host} and waits for every EXIT; returns the chains' call durations. */
    private static final String STARTER = """
            return { main = function(entry, host, n)
              local events = process.events()
              for i = 1, n do
                local _, err = process.spawn_monitored(entry, host, i)
                if err then error(err) end
              end
              local took = {}
              for _ = 1, n do
                local ev = events:receive()
                if ev.result.error then error(ev.result.error) end
                if type(ev.result.value) == "table" then
                  for _, d in ipairs(ev.result.value) do took[#took + 1] = d end
                end
              end
              return took
            end }""";
    private static final String MAIN = """
            return { main = function(entry, host, units, starters)
              units, starters = tonumber(units), tonumber(starters)
              local events = process.events()
              for _ = 1, starters do
                process.spawn_monitored("bench:starter", "bench:processes", entry, host, units // starters)
              end
              local took = {}
              for _ = 1, starters do
                local ev = events:receive()
                if ev.result.error then error(ev.result.error) end
                for _, d in ipairs(ev.result.value) do took[#took + 1] = d end
              end
              return took
            end }""";

    /** {@code cpuMillis}: CPU time of the whole JVM per unit, which a busy machine inflates less than wall time. */
    private record Row(String name, double perSecond, double p50Millis, double p99Millis, double cpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        int units = Integer.parseInt(args[0]);
        int starters = Integer.parseInt(args[1]);
        String only = args.length > 2 ? args[2] : "";
        List<Row> rows = new java.util.ArrayList<>();
        for (String run : List.of("full", "normal", "chains")) {
            if (only.isEmpty() || only.equals(run)) {
                rows.add(run.equals("chains") ? chains(units, starters) : workflows(run, units, starters));
            }
        }
        System.out.printf("%d units (3 activities + 1 zero-length timer each), %d starters%n", units, starters);
        System.out.println("| run | units/s | step p50 ms | step p99 ms | CPU ms/unit |");
        System.out.println("|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf("| %s | %.0f | %.2f | %.2f | %.3f |%n", r.name, r.perSecond, r.p50Millis, r.p99Millis,
                    r.cpuMillis);
        }
        System.exit(0);
    }

    private static Application boot(String durability) throws Exception {
        return BenchApp.boot("workflow-bench", Map.of("_index.yaml", INDEX.formatted(durability), "step.lua", STEP,
                "flow.lua", FLOW, "chain.lua", CHAIN, "starter.lua", STARTER, "main.lua", MAIN));
    }

    private static Row workflows(String durability, int units, int starters) throws Exception {
        Application app = boot(durability);
        try {
            // a warm-up as large as the measured run: during a shorter one the JIT was still compiling
            run(app, "bench:flow", "bench:worker", units, starters);
            app.subsystem(Workflows.class).provider().stepLatencies();
            Timed t = run(app, "bench:flow", "bench:worker", units, starters);
            Histogram steps = app.subsystem(Workflows.class).provider().stepLatencies();
            return new Row("workflows, embedded, durability " + durability, units / t.seconds,
                    steps.getValueAtPercentile(50) / 1e6, steps.getValueAtPercentile(99) / 1e6, t.cpuNanos / 1e6 / units);
        } finally {
            app.shutdown(Duration.ofSeconds(10));
        }
    }

    private static Row chains(int units, int starters) throws Exception {
        Application app = boot("normal");
        try {
            run(app, "bench:chain", "bench:processes", units, starters);
            Timed t = run(app, "bench:chain", "bench:processes", units, starters);
            Histogram calls = new Histogram(3);
            FrozenTable took = (FrozenTable) t.value;
            for (Object d : took.values()) {
                calls.recordValue((Long) d);
            }
            return new Row("funcs.call chains in processes (not durable)", units / t.seconds,
                    calls.getValueAtPercentile(50) / 1e6, calls.getValueAtPercentile(99) / 1e6, t.cpuNanos / 1e6 / units);
        } finally {
            app.shutdown(Duration.ofSeconds(10));
        }
    }

    private record Timed(double seconds, long cpuNanos, Object value) {
    }

    private static Timed run(Application app, String entry, String host, int units, int starters) throws Exception {
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        ExitResult r = app.run(app.target("bench:main", null), List.of(entry, host, Integer.toString(units),
                Integer.toString(starters))).done().get(30, TimeUnit.MINUTES);
        if (r.isAbnormal()) {
            throw new IllegalStateException(r.error().fullText());
        }
        return new Timed((System.nanoTime() - t0) / 1e9, cpuNanos() - cpu0, r.value());
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
