package dev.wippy.runtime.queue;

import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Origin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory driver on its own: bound, waiting publishers, credit, settlements. */
class MemoryQueueTest {
    private MemoryDriver driver;
    private DriverQueue queue;

    @BeforeEach
    void start() {
        driver = new MemoryDriver(new Entry("app:memory", QueueKinds.DRIVER_MEMORY, Map.of(), Map.of(),
                Origin.RUNTIME));
        driver.start();
        queue = driver.declare("q", Map.of("max_length", 2));
    }

    private static Envelope message(String id) {
        return new Envelope(id, new byte[0], Map.of());
    }

    private static List<String> ids(List<Delivery> ds) {
        return ds.stream().map(d -> d.envelope().id()).toList();
    }

    @Test
    void aFullQueueMakesPublishersWaitInOrderAndCancellingWithdraws() {
        assertThat(queue.publish(message("a")).isDone()).isTrue();
        assertThat(queue.publish(message("b")).isDone()).isTrue();
        CompletableFuture<Void> c = queue.publish(message("c"));
        CompletableFuture<Void> d = queue.publish(message("d"));
        CompletableFuture<Void> e = queue.publish(message("e"));
        assertThat(c).isNotDone();
        assertThat(d.cancel(false)).isTrue();
        List<Delivery> got = new ArrayList<>();
        queue.subscribe(2, got::add);
        // a and b delivered, which makes room for c and e; d was withdrawn
        assertThat(ids(got)).containsExactly("a", "b");
        assertThat(c).isDone();
        assertThat(e).isDone();
        assertThat(queue.info()).containsEntry("message_count", 2L).containsEntry("in_flight", 2L)
                .containsEntry("published", 4L);
        got.getFirst().ack();
        assertThat(ids(got)).containsExactly("a", "b", "c");
    }

    @Test
    void settlementCountsOnceAndNackedMessagesGoToTheBack() {
        queue.publish(message("a"));
        queue.publish(message("b"));
        List<Delivery> got = new ArrayList<>();
        queue.subscribe(1, got::add);
        Delivery a = got.getFirst();
        assertThat(a.attempt()).isEqualTo(1);
        assertThat(a.nack()).isTrue();
        assertThat(a.ack()).isFalse();
        assertThat(ids(got)).containsExactly("a", "b");
        assertThat(got.get(1).release()).isTrue();
        // a again (its second delivery), then b whose released delivery did not count
        assertThat(ids(got)).containsExactly("a", "b", "a");
        assertThat(got.get(2).attempt()).isEqualTo(2);
        got.get(2).ack();
        assertThat(got.get(3).envelope().id()).isEqualTo("b");
        assertThat(got.get(3).attempt()).isEqualTo(1);
        got.get(3).ack();
        assertThat(queue.info()).containsEntry("acked", 2L).containsEntry("nacked", 1L)
                .containsEntry("message_count", 0L).containsEntry("in_flight", 0L);
    }

    @Test
    void subscribersShareMessagesRoundRobinWithinTheirCredit() {
        List<Delivery> one = new ArrayList<>();
        List<Delivery> two = new ArrayList<>();
        queue.subscribe(1, one::add);
        DriverQueue.Subscription second = queue.subscribe(5, two::add);
        for (String id : new String[] {"a", "b", "c"}) {
            queue.publish(message(id));
        }
        assertThat(ids(one)).containsExactly("a");
        assertThat(ids(two)).containsExactly("b", "c");
        second.cancel();
        queue.publish(message("d"));
        one.getFirst().ack();
        assertThat(ids(one)).containsExactly("a", "d");
        assertThat(ids(two)).hasSize(2);
    }

    @Test
    void aStoppedDriverRefusesPublishersAndFailsWaitingOnes() {
        queue.publish(message("a"));
        queue.publish(message("b"));
        CompletableFuture<Void> waiting = queue.publish(message("c"));
        driver.stop();
        assertThat(waiting).isCompletedExceptionally();
        assertThat(queue.publish(message("d"))).isCompletedExceptionally();
    }

    @Test
    void deadLetteringNeverWaitsForRoom() {
        DriverQueue dlq = driver.declare("dead", Map.of("max_length", 1));
        QueueDefinition from = new QueueDefinition("app:q", driver, queue, Codec.JSON, null);
        QueueDefinition to = new QueueDefinition("app:dead", driver, dlq, Codec.JSON, null);
        DeadLetters policy = new DeadLetters("app:dead", 1, Map.of("app:dead", to)::get);
        queue.publish(new Envelope("a", new byte[] {'1'}, Map.of("trace", "t")));
        queue.publish(message("b"));
        List<Delivery> got = new ArrayList<>();
        queue.subscribe(2, got::add);
        assertThat(policy.move(got.getFirst(), from, "boom")).isTrue();
        // now the dead-letter queue is full: the second message stays where it is, unsettled
        assertThat(policy.move(got.get(1), from, "boom")).isFalse();
        assertThat(got.get(1).nack()).isTrue();
        assertThat(dlq.info()).containsEntry("message_count", 1L).containsEntry("published", 1L);
        List<Delivery> dead = new ArrayList<>();
        dlq.subscribe(1, dead::add);
        Envelope moved = dead.getFirst().envelope();
        assertThat(moved.id()).isEqualTo("a");
        assertThat(moved.body()).containsExactly('1');
        assertThat(moved.headers()).containsEntry("trace", "t").containsEntry("x_dead_letter_queue", "app:q")
                .containsEntry("x_dead_letter_attempts", "1").containsEntry("x_dead_letter_error", "boom")
                .containsKey("x_dead_letter_at");
        assertThat(queue.info()).containsEntry("acked", 1L).containsEntry("message_count", 0L);
    }
}
