package dev.wippy.runtime.queue;

/**
 * One delivery of a message to a subscriber. Settling it frees its slot in the prefetch window; only the first
 * settlement counts, later calls return false.
 */
public interface Delivery {
    Envelope envelope();

    /** How often the message has been delivered, this delivery included. */
    int attempt();

    /** Removes the message from the queue. */
    boolean ack();

    /** Returns the message to the queue for another delivery. */
    boolean nack();

    /** Returns a message that was never handled (a stopping consumer's buffer): this delivery does not count. */
    boolean release();
}
