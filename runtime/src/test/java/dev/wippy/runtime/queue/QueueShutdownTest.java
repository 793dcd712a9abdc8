package dev.wippy.runtime.queue;

import ch.qos.logback.classic.Level;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Graceful stop of consumers (spec 04 §5, seed 003): nothing is lost, nothing is acked twice. */
class QueueShutdownTest {
    @TempDir
    Path dir;

    private final ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) LoggerFactory
            .getLogger("wippy.queue");

    // every random nack would be a debug line
    @BeforeEach
    void quiet() {
        log.setLevel(Level.INFO);
    }

    @AfterEach
    void loud() {
        log.setLevel(null);
    }

    @Test
    void aHundredThousandMessagesAreAckedExactlyOnceAcrossARestart() throws Exception {
        int total = 100_000;
        String handler = """
                return { handle = function(n)
                    local dice = math.random(100)
                    if dice <= 4 then return false end
                    if dice == 5 then return nil, "unlucky " .. n end
                    if dice == 6 then error("dropped " .. n) end
                    process.send("collector", "ok", n)
                end }""";
        String main = """
                return { main = function()
                    process.registry.register("collector")
                    for n = 1, %1$d do
                        local ok, err = queue.publish("app:jobs", n)
                        assert(ok, tostring(err))
                    end
                    local seen, distinct = {}, 0
                    local inbox = process.inbox()
                    for i = 1, %1$d do
                        local n = inbox:receive():payload():data()
                        if not seen[n] then distinct = distinct + 1 end
                        seen[n] = true
                    end
                    return distinct .. " distinct of %1$d acks"
                end }""".formatted(total);
        Application app = QueueHandlerTest.app(dir, "", "concurrency: 8\nprefetch: 50", handler)
                .entry("main", QueueHandlerTest.PROCESS, main).boot();
        try {
            var collector = app.run(app.target("app:main", null), List.of()).done();
            Consumer consumer = app.subsystem(Queues.class).consumer("app:worker");
            while ((long) app.subsystem(Queues.class).info("app:jobs").get("acked") < total / 3) {
                Thread.sleep(1);
            }
            assertThat(consumer.stop()).as("stopped within its stop timeout").isTrue();
            Map<String, Object> stopped = app.subsystem(Queues.class).info("app:jobs");
            assertThat(stopped).containsEntry("in_flight", 0L).containsEntry("consumer_count", 0L);
            Thread.sleep(100);
            assertThat(app.subsystem(Queues.class).info("app:jobs").get("acked")).as("nothing handled while stopped")
                    .isEqualTo(stopped.get("acked"));
            consumer.start();

            ExitResult r = collector.get(5, TimeUnit.MINUTES);
            assertThat(r.error()).isNull();
            assertThat(((LuaString) r.value()).toString()).isEqualTo(total + " distinct of " + total + " acks");
            Map<String, Object> end = app.subsystem(Queues.class).info("app:jobs");
            assertThat(end).containsEntry("published", (long) total).containsEntry("acked", (long) total)
                    .containsEntry("message_count", 0L).containsEntry("in_flight", 0L);
            assertThat((long) end.get("nacked")).as("random nacks").isBetween(total / 50L, total / 10L);
            assertThat(consumer.stats().maxInFlight()).isLessThanOrEqualTo(50);
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void handlersThatOutliveTheStopTimeoutAreCanceledAndTheirMessagesReturned() throws Exception {
        Application app = new TestApp(dir)
                .entry("memory", "kind: queue.driver.memory\nlifecycle: { auto_start: true }")
                .entry("jobs", "kind: queue.queue\ndriver: app:memory")
                .entry("handler", "kind: function.lua\nmethod: handle\nmodules: [time]",
                        "return { handle = function() time.sleep('10s') end }")
                .entry("worker", "kind: queue.consumer\nqueue: app:jobs\nfunc: app:handler\nconcurrency: 2\n"
                        + "lifecycle: { auto_start: true, stop_timeout: 200ms }")
                .boot();
        try {
            for (long i = 1; i <= 3; i++) {
                app.subsystem(Queues.class).publish("app:jobs", i, Map.of()).join();
            }
            Thread.sleep(100);
            long t0 = System.nanoTime();
            assertThat(app.subsystem(Queues.class).consumer("app:worker").stop()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(150),
                    Duration.ofSeconds(2));
            assertThat(app.subsystem(Queues.class).info("app:jobs")).containsEntry("message_count", 3L)
                    .containsEntry("in_flight", 0L).containsEntry("acked", 0L).containsEntry("nacked", 0L);
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }
}
