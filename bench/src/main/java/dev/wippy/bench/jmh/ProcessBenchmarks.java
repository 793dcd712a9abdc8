package dev.wippy.bench.jmh;

import dev.wippy.bench.BenchNode;
import dev.wippy.bench.BenchNode.Program;
import dev.wippy.bench.ProcessBench;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Processes on one host: messages between two Lua processes, as a ping-pong (each message wakes the other process:
 * latency) and as a one-way stream (the receiver mostly finds its next message queued: throughput), and a spawned
 * Lua process that returns at once (its EXIT received by the spawner).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProcessBenchmarks {
    private static final int ROUND_TRIPS = 1000;
    private static final int STREAM = 10_000;
    private static final int SPAWNS = 1000;

    /** Plays ping-pong with an echo process it spawns: each round trip is two messages sent and received. */
    private static final String PINGER = """
            return { main = function(n)
                local inbox = process.inbox()
                local echo = process.spawn("bench:echo", "bench:processes", process.pid())
                for i = 1, n do
                    process.send(echo, "ping", i)
                    inbox:receive()
                end
                process.terminate(echo)
                return n
            end }
            """;
    private static final String ECHO = """
            return { main = function(back)
                local inbox = process.inbox()
                while true do process.send(back, "pong", inbox:receive():payload():data()) end
            end }
            """;

    /** Sends n messages to a counter it spawns and waits for the counter's one reply. */
    private static final String SENDER = """
            return { main = function(n)
                local counter = process.spawn("bench:counter", "bench:processes", process.pid(), n)
                for i = 1, n do process.send(counter, "item", i) end
                process.inbox():receive()
                return n
            end }
            """;
    private static final String COUNTER = """
            return { main = function(back, n)
                local inbox = process.inbox()
                local sum = 0
                for _ = 1, n do sum = sum + inbox:receive():payload():data() end
                process.send(back, "sum", sum)
            end }
            """;

    private BenchNode bench;

    @Setup
    public void boot() {
        bench = new BenchNode(0, List.of(
                new Program("bench:pinger", PINGER),
                new Program("bench:echo", ECHO),
                new Program("bench:sender", SENDER),
                new Program("bench:counter", COUNTER),
                new Program("bench:spawner", ProcessBench.SPAWNER),
                new Program("bench:noop", ProcessBench.NOOP)), Map.of());
    }

    @Benchmark
    @OperationsPerInvocation(2 * ROUND_TRIPS)
    public Object messagePingPong() throws Exception {
        return bench.run("bench:pinger", (long) ROUND_TRIPS);
    }

    @Benchmark
    @OperationsPerInvocation(STREAM)
    public Object messageStream() throws Exception {
        return bench.run("bench:sender", (long) STREAM);
    }

    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object spawnAndExit() throws Exception {
        return bench.run("bench:spawner", (long) SPAWNS);
    }
}
