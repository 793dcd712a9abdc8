package dev.wippy.runtime.queue;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queue entries are checked at boot; a bad one stops the app with its file, line and ID (spec 04 §1). */
class QueueConfigTest {
    @TempDir
    Path dir;

    private TestApp app(String queueYaml, String consumerYaml) throws Exception {
        return new TestApp(dir)
                .entry("memory", "kind: queue.driver.memory\nlifecycle: { auto_start: true }")
                .entry("other", "kind: queue.queue\ndriver: app:memory")
                .entry("jobs", "kind: queue.queue\n" + (queueYaml.contains("driver:") ? "" : "driver: app:memory\n")
                        + queueYaml)
                .entry("handler", "kind: function.lua\nmethod: handle", "return { handle = function() end }")
                .entry("proc", "kind: process.lua\nmethod: main", "return { main = function() end }")
                .entry("worker", "kind: queue.consumer\nlifecycle: { auto_start: true }\n" + consumerYaml);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            codec: text/xml                                  | jobs   | unknown codec 'text/xml' (json/plain or application/msgpack)
            driver: app:handler                              | jobs   | field 'driver' refers to app:handler, which is not a queue driver this runtime runs
            driver_options: { memory: { max_length: -1 } }   | jobs   | driver_options.memory.max_length must be a whole number from 0 to
            driver_options: { memory: { max_length: 5.5 } }  | jobs   | driver_options.memory.max_length must be a whole number
            dead_letter: { queue: app:other }                | jobs   | dead_letter needs both 'queue' and 'max_attempts'
            dead_letter: { queue: app:proc, max_attempts: 2 } | jobs  | dead_letter.queue refers to app:proc, which is not a queue.queue entry
            dead_letter: { queue: app:jobs, max_attempts: 2 } | jobs  | dead_letter.queue cannot be the queue itself
            dead_letter: { queue: app:other, max_attempts: 0 } | jobs | dead_letter.max_attempts must be a whole number of at least 1, not 0
            """)
    void badQueuesStopTheBoot(String queueYaml, String entry, String problem) throws Exception {
        TestApp a = app(queueYaml, "queue: app:jobs\nfunc: app:handler");
        assertThatThrownBy(a::boot).isInstanceOf(BootException.class)
                .hasMessageContaining("_index.yaml:").hasMessageContaining("entry app:" + entry + ": " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            queue: app:jobs                                       | missing required field 'func'
            func: app:handler                                     | missing required field 'queue'
            queue: app:nope\\nfunc: app:handler                   | field 'queue' refers to app:nope, which does not exist
            queue: app:jobs\\nfunc: app:proc                      | field 'func' refers to app:proc, a process.lua (needs function.lua)
            queue: app:handler\\nfunc: app:handler                | field 'queue' refers to app:handler, a function.lua (needs queue.queue)
            queue: app:jobs\\nfunc: app:handler\\nconcurrency: 0     | 'concurrency' must be a whole number from 1 to 1000, not 0
            queue: app:jobs\\nfunc: app:handler\\nconcurrency: 1001  | 'concurrency' must be a whole number from 1 to 1000, not 1001
            queue: app:jobs\\nfunc: app:handler\\nconcurrency: four  | 'concurrency' must be a whole number from 1 to 1000, not four
            queue: app:jobs\\nfunc: app:handler\\nprefetch: 10001    | 'prefetch' must be a whole number from 1 to 10000, not 10001
            queue: app:jobs\\nfunc: app:handler\\nprefetch: 0        | 'prefetch' must be a whole number from 1 to 10000, not 0
            queue: app:jobs\\nfunc: app:handler\\nauto_ack: maybe    | 'auto_ack' must be true or false, not maybe
            """)
    void badConsumersStopTheBoot(String consumerYaml, String problem) throws Exception {
        TestApp a = app("", consumerYaml.replace("\\n", "\n"));
        assertThatThrownBy(a::boot).isInstanceOf(BootException.class)
                .hasMessageContaining("_index.yaml:").hasMessageContaining("entry app:worker: " + problem);
    }

    @Test
    void aConsumerNeedsARunningDriver() throws Exception {
        TestApp a = new TestApp(dir)
                .entry("memory", "kind: queue.driver.memory")
                .entry("jobs", "kind: queue.queue\ndriver: app:memory")
                .entry("handler", "kind: function.lua\nmethod: handle", "return { handle = function() end }")
                .entry("worker", "kind: queue.consumer\nqueue: app:jobs\nfunc: app:handler\n"
                        + "lifecycle: { auto_start: true }");
        assertThatThrownBy(a::boot).isInstanceOf(BootException.class).hasMessageContaining(
                "entry app:worker: queue driver app:memory of app:jobs is not running (a driver starts with "
                        + "lifecycle.auto_start: true)");
    }

    @Test
    void defaultsApplyWhenFieldsAreLeftOut() throws Exception {
        Application app = app("", "queue: app:jobs\nfunc: app:handler").boot();
        try {
            ConsumerSettings s = app.subsystem(Queues.class).consumer("app:worker").settings();
            assertThat(s.concurrency()).isEqualTo(1);
            assertThat(s.prefetch()).isEqualTo(10);
            assertThat(s.autoAck()).isFalse();
            assertThat(s.stopTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(app.subsystem(Queues.class).info("app:jobs")).containsEntry("max_length", 1000L)
                    .containsEntry("codec", "json/plain").containsEntry("queue_name", "jobs")
                    .containsEntry("consumer_count", 1L);
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void queuesWithTheSameNameShareTheBackendQueue() throws Exception {
        Application app = new TestApp(dir)
                .entry("memory", "kind: queue.driver.memory\nlifecycle: { auto_start: true }")
                .entry("a", "kind: queue.queue\ndriver: app:memory\nqueue_name: shared\n"
                        + "driver_options: { memory: { max_length: 5 }, amqp: { durable: true } }")
                .entry("b", "kind: queue.queue\ndriver: app:memory\nqueue_name: shared\n"
                        + "driver_options: { memory: { max_length: 5 } }")
                .boot();
        try {
            app.subsystem(Queues.class).publish("app:a", 1L, java.util.Map.of()).join();
            assertThat(app.subsystem(Queues.class).info("app:b")).containsEntry("message_count", 1L).containsEntry("max_length", 5L);
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }
}
