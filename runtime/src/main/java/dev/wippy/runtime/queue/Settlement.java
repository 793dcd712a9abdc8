package dev.wippy.runtime.queue;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How one delivery handled by a consumer ends: ack, nack (which dead-letters the message when the queue's policy
 * says so) or release. Only the first of them counts, whether it comes from the handler ({@code msg:ack()}) or
 * from the handler's outcome; the later ones return false.
 */
final class Settlement {
    private final Delivery delivery;
    private final QueueDefinition queue;
    /** Tells the consumer that this delivery no longer counts against its prefetch. */
    private final Runnable settled;
    private final AtomicBoolean done = new AtomicBoolean();

    Settlement(Delivery delivery, QueueDefinition queue, Runnable settled) {
        this.delivery = delivery;
        this.queue = queue;
        this.settled = settled;
    }

    Delivery delivery() {
        return delivery;
    }

    boolean isDone() {
        return done.get();
    }

    boolean ack() {
        if (!claim()) {
            return false;
        }
        delivery.ack();
        return true;
    }

    /** A failed delivery: dead-lettered when it is due, else redelivered. */
    boolean nack(String error) {
        if (!claim()) {
            return false;
        }
        DeadLetters dl = queue.deadLetters();
        if (dl == null || !dl.due(delivery) || !dl.move(delivery, queue, error)) {
            delivery.nack();
        }
        return true;
    }

    /** Returns the message without counting a failure: the consumer stopped before it was handled. */
    boolean release() {
        if (!claim()) {
            return false;
        }
        delivery.release();
        return true;
    }

    /**
     * Wins the settlement. The consumer's count drops before the driver hears of it, since the driver may deliver
     * the next message at once, and the consumer's in-flight count must never pass the prefetch.
     */
    private boolean claim() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        settled.run();
        return true;
    }
}
