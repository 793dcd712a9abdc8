package dev.wippy.runtime.queue;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The {@code dead_letter} policy of a queue (spec 04 §6): a delivery that fails when the message has been
 * delivered {@code max_attempts} times moves to the target queue with headers telling where it came from, how
 * often it was tried and why it failed the last time.
 */
record DeadLetters(String target, int maxAttempts, Function<String, QueueDefinition> lookup) {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.queue");

    static final String QUEUE_HEADER = "x_dead_letter_queue";
    static final String ATTEMPTS_HEADER = "x_dead_letter_attempts";
    static final String ERROR_HEADER = "x_dead_letter_error";
    static final String AT_HEADER = "x_dead_letter_at";

    /** The policy of queue entry {@code e}, or null when it has none. */
    static DeadLetters of(Entry e, Map<String, Entry> queues, Function<String, QueueDefinition> lookup) {
        if (e.field("dead_letter") == null) {
            return null;
        }
        String target = e.reference("dead_letter.queue");
        Object max = e.field("dead_letter.max_attempts");
        if (target == null || max == null) {
            throw BootException.at(e, "dead_letter needs both 'queue' and 'max_attempts'");
        }
        if (!queues.containsKey(target)) {
            throw BootException.at(e, "dead_letter.queue refers to " + target + ", which is not a queue.queue entry");
        }
        if (target.equals(e.id())) {
            throw BootException.at(e, "dead_letter.queue cannot be the queue itself");
        }
        if (!(max instanceof Integer || max instanceof Long) || ((Number) max).longValue() < 1
                || ((Number) max).longValue() > Integer.MAX_VALUE) {
            throw BootException.at(e, "dead_letter.max_attempts must be a whole number of at least 1, not " + max);
        }
        return new DeadLetters(target, ((Number) max).intValue(), lookup);
    }

    /** Whether a failure of {@code d} moves the message rather than redelivering it. */
    boolean due(Delivery d) {
        return d.attempt() >= maxAttempts;
    }

    /**
     * Publishes the message of {@code d} to the target queue, then acks it on {@code from}: it is in exactly one of
     * them. When the target cannot take it at once (full, driver stopped) the message stays and false is returned;
     * the caller then redelivers it, and its next failure tries again.
     */
    boolean move(Delivery d, QueueDefinition from, String error) {
        QueueDefinition to = lookup.apply(target);
        Envelope original = d.envelope();
        Map<String, String> headers = new LinkedHashMap<>(original.headers());
        headers.put(QUEUE_HEADER, from.id());
        headers.put(ATTEMPTS_HEADER, Integer.toString(d.attempt()));
        headers.put(ERROR_HEADER, error);
        headers.put(AT_HEADER, Instant.now().toString());
        byte[] body;
        try {
            body = from.codec() == to.codec() ? original.body() : to.codec().encode(from.codec().decode(original.body()));
        } catch (IOException e) {
            LOG.atWarn().setMessage("cannot re-encode a message for its dead-letter queue; it is redelivered")
                    .addKeyValue("queue", from.id()).addKeyValue("dead_letter_queue", to.id())
                    .addKeyValue("error", e.getMessage()).log();
            return false;
        }
        CompletableFuture<Void> published = to.backend().publish(new Envelope(original.id(), body, headers));
        // Waiting for room here would hold a worker; withdrawing keeps the message safe in its own queue.
        if (!published.isDone() && published.cancel(false) || published.isCompletedExceptionally()) {
            LOG.atWarn().setMessage("dead-letter queue cannot take the message now; it is redelivered")
                    .addKeyValue("queue", from.id()).addKeyValue("dead_letter_queue", to.id()).log();
            return false;
        }
        d.ack();
        from.countDeadLetter();
        LOG.atWarn().setMessage("message moved to the dead-letter queue").addKeyValue("queue", from.id())
                .addKeyValue("dead_letter_queue", to.id()).addKeyValue("message", original.id())
                .addKeyValue("attempts", d.attempt()).addKeyValue("error", error).log();
        return true;
    }
}
