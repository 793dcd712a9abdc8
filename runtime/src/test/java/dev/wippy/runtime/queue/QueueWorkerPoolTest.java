package dev.wippy.runtime.queue;

import dev.wippy.runtime.app.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker pool of a consumer and the backpressure it exerts (spec 04 §2, seed 003). */
class QueueWorkerPoolTest {
    @TempDir
    Path dir;

    private Application boot(String queueYaml, String consumerYaml, String sleep) throws Exception {
        return QueueHandlerTest.app(dir, queueYaml, consumerYaml, """
                local time = require("time")
                return { handle = function(n) time.sleep("%s") end }""".formatted(sleep))
                .boot();
    }

    static void awaitAcked(Application app, String queue, long acked) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((long) app.subsystem(Queues.class).info(queue).get("acked") < acked) {
            assertThat(System.nanoTime()).as("all acked in time: " + app.subsystem(Queues.class).info(queue)).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void inFlightStaysWithinPrefetchAndEveryWorkerWorks() throws Exception {
        Application app = boot("", "concurrency: 4\nprefetch: 10", "2ms");
        try {
            for (long i = 1; i <= 400; i++) {
                app.subsystem(Queues.class).publish("app:jobs", i, Map.of()).join();
            }
            awaitAcked(app, "app:jobs", 400);
            Consumer.Stats stats = app.subsystem(Queues.class).consumer("app:worker").stats();
            assertThat(stats.handled()).isEqualTo(400);
            assertThat(stats.maxInFlight()).isEqualTo(10);
            assertThat(stats.maxBusy()).isEqualTo(4);
            assertThat(stats.handledPerWorker()).hasSize(4).doesNotContain(0L);
            assertThat(app.subsystem(Queues.class).info("app:jobs")).containsEntry("in_flight", 0L)
                    .containsEntry("message_count", 0L).containsEntry("nacked", 0L);
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void busyWorkersAndAFullBufferMakePublishersWait() throws Exception {
        Application app = boot("driver_options: { memory: { max_length: 5 } }", "concurrency: 2\nprefetch: 3",
                "300ms");
        try {
            List<CompletableFuture<Void>> published = new ArrayList<>();
            for (long i = 1; i <= 10; i++) {
                published.add(app.subsystem(Queues.class).publish("app:jobs", i, Map.of()));
            }
            // 2 in handlers + 1 in the buffer (prefetch 3), 5 in the queue (max_length 5): the rest waits
            assertThat(published.subList(0, 8)).allMatch(CompletableFuture::isDone);
            assertThat(published.subList(8, 10)).noneMatch(CompletableFuture::isDone);
            assertThat(app.subsystem(Queues.class).info("app:jobs")).containsEntry("message_count", 5L)
                    .containsEntry("in_flight", 3L);
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).join();
            awaitAcked(app, "app:jobs", 10);
            Consumer.Stats stats = app.subsystem(Queues.class).consumer("app:worker").stats();
            assertThat(stats.maxBusy()).isEqualTo(2);
            assertThat(stats.maxInFlight()).isEqualTo(3);
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }
}
