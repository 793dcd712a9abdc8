package dev.wippy.bench;

import dev.wippy.bench.BenchNode.Program;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.observability.console.Console;
import dev.wippy.observability.watch.Watched;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.memory.ByteSize;
import dev.wippy.runtime.process.ProcessExecution;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Process benchmarks, the same programs as bench/erlang/procs.erl: spawn rate (spawn monitored processes that
 * return at once, wait for every EXIT), heap per idle process (blocked in {@code inbox:receive()}), and a ring of
 * processes passing a counter. Prints {@code name value} lines for bench/processes-vs-erlang.sh.
 *
 * <p>Usage: {@code ProcessBench SPAWNS IDLE RING_SIZE RING_HOPS}
 */
public final class ProcessBench {
    /** Spawns N monitored processes that return at once and waits for every EXIT; also run by the JMH suite. */
    public static final String SPAWNER = """
            return { main = function(n)
                local events = process.events()
                for _ = 1, n do process.spawn_monitored("bench:noop", "bench:processes") end
                for _ = 1, n do events:receive() end
                return n
            end }
            """;
    public static final String NOOP = "return { main = function() return 1 end }";
    private static final String IDLE = """
            local bench = require("bench")
            return { main = function() bench.ready(); return process.inbox():receive() end }
            """;
    private static final String RING_NODE = """
            return { main = function(observer)
                local inbox = process.inbox()
                local next = inbox:receive():payload():data()
                while true do
                    local n = inbox:receive():payload():data()
                    if n == 0 then process.send(observer, "done", 0) else process.send(next, "hop", n - 1) end
                end
            end }
            """;
    private static final String RING = """
            return { main = function(size, hops)
                local nodes = {}
                for i = 1, size do nodes[i] = process.spawn("bench:ring_node", "bench:processes", process.pid()) end
                for i = 1, size do process.send(nodes[i], "next", nodes[i % size + 1]) end
                process.send(nodes[1], "hop", hops)
                process.inbox():receive()
                for i = 1, size do process.terminate(nodes[i]) end
                return hops
            end }
            """;

    private final BenchNode bench;
    private volatile CountDownLatch ready = new CountDownLatch(0);

    private ProcessBench() {
        // -Dwippy.bench.max_memory=SIZE gives every process a memory limit, to measure what enforcing it costs
        String maxMemory = System.getProperty("wippy.bench.max_memory");
        LuaTable benchModule = new LuaTable();
        benchModule.putStr(LuaString.of("ready"), new JavaFunction("ready", (s, a) -> {
            ready.countDown();
            return Multi.EMPTY;
        }));
        bench = new BenchNode(maxMemory == null ? 0 : ByteSize.parse(maxMemory), List.of(
                new Program("bench:spawner", SPAWNER),
                new Program("bench:noop", NOOP),
                new Program("bench:idle", IDLE, List.of("bench")),
                new Program("bench:ring_node", RING_NODE),
                new Program("bench:ring", RING)), Map.of("bench", s -> benchModule));
    }

    private double spawnsPerSecond(long n) throws Exception {
        bench.run("bench:spawner", Math.min(n, 10_000L));
        long t0 = System.nanoTime();
        bench.run("bench:spawner", n);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Warmed up like the other measurements: a parked virtual thread keeps its frames as they were compiled when it
     * parked, so processes parked by code not yet compiled weigh more than they would in a running service.
     */
    private double bytesPerIdleProcess(int n) throws Exception {
        endAll(spawnIdle(Math.min(n, 50_000)));
        long before = usedHeapAfterGc();
        List<ProcessExecution> idle = spawnIdle(n);
        Thread.sleep(200);
        long after = usedHeapAfterGc();
        double perProcess = (after - before) / (double) n;
        if (Boolean.getBoolean("wippy.bench.histogram")) {
            IdleHistogram.print(n);
        }
        endAll(idle);
        return perProcess;
    }

    private List<ProcessExecution> spawnIdle(int n) throws InterruptedException {
        ready = new CountDownLatch(n);
        List<ProcessExecution> idle = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            idle.add(bench.spawn("bench:idle"));
        }
        ready.await();
        return idle;
    }

    private static void endAll(List<ProcessExecution> processes) throws Exception {
        for (ProcessExecution p : processes) {
            p.terminate(ErrorObject.of(ErrorObject.CANCELED, "bench over"));
        }
        for (ProcessExecution p : processes) {
            p.done().get(1, TimeUnit.MINUTES);
        }
    }

    private double ringMessagesPerSecond(long size, long hops) throws Exception {
        bench.run("bench:ring", size, Math.min(hops, 100_000L));
        long t0 = System.nanoTime();
        bench.run("bench:ring", size, hops);
        return hops / ((System.nanoTime() - t0) / 1e9);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws Exception {
        long spawns = Long.parseLong(args[0]);
        int idle = Integer.parseInt(args[1]);
        long ringSize = Long.parseLong(args[2]);
        long ringHops = Long.parseLong(args[3]);
        ProcessBench b = new ProcessBench();
        if (ConsoleLoad.address() != null) {
            Console console = Console.start(ConsoleLoad.address(), Watched.node(b.bench.node()));
            ConsoleLoad.watch(console.url() + "events/processes");
        }
        System.out.printf("spawns_per_second %.0f%n", b.spawnsPerSecond(spawns));
        System.out.printf("bytes_per_idle_process %.0f%n", b.bytesPerIdleProcess(idle));
        System.out.printf("ring_messages_per_second %.0f%n", b.ringMessagesPerSecond(ringSize, ringHops));
        System.exit(0);
    }
}
