package dev.wippy.bench;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.queue.Queues;

import java.time.Duration;
import java.util.Map;

/**
 * Publish, consume and ack through the memory driver with a trivial Lua handler, in one booted app: Java publishes
 * integers as fast as the queue takes them (waiting while it is full), a consumer runs the handler on each, and
 * the clock stops when the last one is acked. Prints messages per second. Usage: {@code QueueBench MESSAGES}
 */
public final class QueueBench {
    private static final String INDEX = """
            namespace: bench
            entries:
              - { name: memory, kind: queue.driver.memory, lifecycle: { auto_start: true } }
              - { name: jobs, kind: queue.queue, driver: bench:memory }
              - { name: handler, kind: function.lua, source: file://handler.lua, method: handle }
              - name: consumer
                kind: queue.consumer
                queue: bench:jobs
                func: bench:handler
                concurrency: 8
                prefetch: 200
                lifecycle: { auto_start: true }
            """;
    private static final String HANDLER = "return { handle = function(n) return n end }";

    public static void main(String[] args) throws Exception {
        long messages = Long.parseLong(args[0]);
        Application app = BenchApp.boot("queue-bench", Map.of("_index.yaml", INDEX, "handler.lua", HANDLER));
        run(app, Math.min(messages, 100_000));
        System.out.printf("queue_messages_per_second %.0f%n", messages / run(app, messages));
        app.shutdown(Duration.ofSeconds(5));
        System.exit(0);
    }

    /** Seconds from the first publish until {@code messages} more are acked. */
    private static double run(Application app, long messages) throws Exception {
        long before = acked(app);
        long t0 = System.nanoTime();
        for (long i = 1; i <= messages; i++) {
            app.subsystem(Queues.class).publish("bench:jobs", i, Map.of()).join();
        }
        while (acked(app) < before + messages) {
            Thread.onSpinWait();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long acked(Application app) {
        return (long) app.subsystem(Queues.class).info("bench:jobs").get("acked");
    }
}
