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
 * {@code durability: full} and {@code normal}, and on Temporal's in-memory server started in this JVM (fewer
 * units: it runs tens of workflows per second); the chain runs the same calls with {@code funcs.call} in processes.
 * Prints units per second and p50/p99 latency per step (embedded: from a step's inputs to its commit; Temporal and
 * chains: one call). Usage: {@code WorkflowBench UNITS STARTERS [TEMPORAL-UNITS [full|normal|temporal|chains]]}
 * (the last: one run only, for profiling)
 */
public final class WorkflowBench {
    private static final String INDEX = """
            namespace: bench
            entries:
              - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
              - { name: processes, kind: process.host, lifecycle: { auto_start: true } }
              %s
              - { name: step, kind: function.lua, source: file://step.lua, method: main }
              - { name: flow, kind: workflow.lua, source: file://flow.lua, method: main, modules: [funcs, time] }
              - { name: timed_flow, kind: workflow.lua, source: file://chain.lua, method: main, modules: [funcs, time] }
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
    /**
     * The same work as a process, or as a workflow on Temporal, whose provider reports no step latencies; returns
     * the duration of each call in nanoseconds (in a workflow: the workflow time between the workflow tasks that
     * issue the call and take its result, so whole milliseconds).
     */
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
        int temporalUnits = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String only = args.length > 3 ? args[3] : "";
        List<Row> rows = new java.util.ArrayList<>();
        for (String run : List.of("full", "normal", "temporal", "chains")) {
            if (only.isEmpty() || only.equals(run)) {
                rows.add(switch (run) {
                    case "chains" -> chains(units, starters);
                    // no more starters than units: each starts units // starters of them
                    case "temporal" -> temporal(temporalUnits, Math.min(starters, temporalUnits));
                    default -> workflows(run, units, starters);
                });
            }
        }
        System.out.printf("%d units (3 activities + 1 zero-length timer each), %d starters; Temporal: %d units, "
                + "its CPU includes the in-memory server's%n", units, starters, temporalUnits);
        System.out.println("step: embedded, from a step's inputs to its commit; Temporal and chains, one call "
                + "(Temporal: in workflow time, whole milliseconds)");
        System.out.println("| run | units/s | step p50 ms | step p99 ms | CPU ms/unit |");
        System.out.println("|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf("| %s | %.0f | %.2f | %.2f | %.3f |%n", r.name, r.perSecond, r.p50Millis, r.p99Millis,
                    r.cpuMillis);
        }
        System.exit(0);
    }

    private static Application embedded(String durability) throws Exception {
        return boot("- { name: worker, kind: workflow.worker, durability: " + durability + " }");
    }

    /** {@code workers}: the YAML entries that serve {@code bench:worker}. */
    private static Application boot(String workers) throws Exception {
        return BenchApp.boot("workflow-bench", Map.of("_index.yaml", INDEX.formatted(workers), "step.lua", STEP,
                "flow.lua", FLOW, "chain.lua", CHAIN, "starter.lua", STARTER, "main.lua", MAIN));
    }

    private static Row workflows(String durability, int units, int starters) throws Exception {
        Application app = embedded(durability);
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

    /** The embedded rows' app with only the worker's entries swapped to a Temporal worker and its client. */
    private static Row temporal(int units, int starters) throws Exception {
        try (TemporalDevServer server = TemporalDevServer.start()) {
            Application app = boot("- { name: temporal, kind: temporal.client, address: \"" + server.address()
                    + "\" }\n  - { name: worker, kind: temporal.worker, client: bench:temporal, task_queue: worker }");
            try {
                return timedCalls(app, "workflows, Temporal in-memory server", "bench:timed_flow", "bench:worker",
                        units, starters);
            } finally {
                app.shutdown(Duration.ofSeconds(10));
            }
        }
    }

    private static Row chains(int units, int starters) throws Exception {
        Application app = embedded("normal");
        try {
            return timedCalls(app, "funcs.call chains in processes (not durable)", "bench:chain", "bench:processes",
                    units, starters);
        } finally {
            app.shutdown(Duration.ofSeconds(10));
        }
    }

    /** A warm-up and a measured run of {@code entry}, whose units return the durations of their calls. */
    private static Row timedCalls(Application app, String name, String entry, String host, int units, int starters)
            throws Exception {
        run(app, entry, host, units, starters);
        Timed t = run(app, entry, host, units, starters);
        Histogram calls = new Histogram(3);
        for (Object d : ((FrozenTable) t.value).values()) {
            calls.recordValue((Long) d);
        }
        return new Row(name, units / t.seconds, calls.getValueAtPercentile(50) / 1e6,
                calls.getValueAtPercentile(99) / 1e6, t.cpuNanos / 1e6 / units);
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
