package dev.wippy.bench;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.observability.console.Console;
import dev.wippy.observability.watch.Watched;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.LuaEntryCode;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.memory.ByteSize;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.ProcessHost;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;

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
    private static final String HOST = "bench:processes";

    private static final String SPAWNER = """
            return { main = function(n)
                local events = process.events()
                for _ = 1, n do process.spawn_monitored("bench:noop", "bench:processes") end
                for _ = 1, n do events:receive() end
                return n
            end }
            """;
    private static final String NOOP = "return { main = function() return 1 end }";
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

    private final Node node = new Node();
    private final Map<String, LuaEntry> entries;
    private volatile CountDownLatch ready = new CountDownLatch(0);

    private ProcessBench() {
        // -Dwippy.bench.max_memory=SIZE gives every process a memory limit, to measure what enforcing it costs
        String maxMemory = System.getProperty("wippy.bench.max_memory");
        ProcessHost host = new ProcessHost(HOST, Runtime.getRuntime().availableProcessors(),
                maxMemory == null ? 0 : ByteSize.parse(maxMemory));
        host.start();
        node.addHost(host);
        entries = Map.of(
                "bench:spawner", entry("bench:spawner", SPAWNER, List.of()),
                "bench:noop", entry("bench:noop", NOOP, List.of()),
                "bench:idle", entry("bench:idle", IDLE, List.of("bench")),
                "bench:ring_node", entry("bench:ring_node", RING_NODE, List.of()),
                "bench:ring", entry("bench:ring", RING, List.of()));
        LuaTable benchModule = new LuaTable();
        benchModule.putStr(LuaString.of("ready"), new JavaFunction("ready", (s, a) -> {
            ready.countDown();
            return Multi.EMPTY;
        }));
        Map<String, ModuleProvider> modules = Map.of("bench", s -> benchModule);
        Sandbox sandbox = new Sandbox(modules, entries::get, new JavaFunction("print", (s, a) -> Multi.EMPTY));
        node.setCodeResolver(id -> {
            LuaEntry e = entries.get(id);
            if (e == null) {
                throw new SpawnException(ErrorObject.NOT_FOUND, id);
            }
            return new LuaEntryCode(e, sandbox);
        });
    }

    private static LuaEntry entry(String id, String source, List<String> modules) {
        return new LuaEntry(id, Lua.compile(source, id), "main", modules, Map.of());
    }

    private Object run(String entry, Object... args) throws Exception {
        ProcessExecution p = node.spawn(null, entry, HOST, args, SpawnOptions.NONE);
        var result = p.done().get(10, TimeUnit.MINUTES);
        if (result.isAbnormal()) {
            throw new IllegalStateException(entry + " failed: " + result.error().fullText());
        }
        return result.value();
    }

    private double spawnsPerSecond(long n) throws Exception {
        run("bench:spawner", Math.min(n, 10_000L));
        long t0 = System.nanoTime();
        run("bench:spawner", n);
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
            idle.add(node.spawn(null, "bench:idle", HOST, new Object[0], SpawnOptions.NONE));
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
        run("bench:ring", size, Math.min(hops, 100_000L));
        long t0 = System.nanoTime();
        run("bench:ring", size, hops);
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
            Console console = Console.start(ConsoleLoad.address(), Watched.node(b.node));
            ConsoleLoad.watch(console.url() + "events/processes");
        }
        System.out.printf("spawns_per_second %.0f%n", b.spawnsPerSecond(spawns));
        System.out.printf("bytes_per_idle_process %.0f%n", b.bytesPerIdleProcess(idle));
        System.out.printf("ring_messages_per_second %.0f%n", b.ringMessagesPerSecond(ringSize, ringHops));
        System.exit(0);
    }
}
