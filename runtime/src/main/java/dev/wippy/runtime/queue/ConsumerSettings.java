package dev.wippy.runtime.queue;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.time.Duration;

/**
 * The fields of a {@code queue.consumer} entry (spec 04 §1.3), checked at boot: a value out of range or a
 * reference to the wrong kind of entry is a start-up error naming the consumer.
 */
record ConsumerSettings(Entry entry, String queue, String function, int concurrency, int prefetch, boolean autoAck,
                        boolean autoStart, Duration stopTimeout) {
    static final int MAX_CONCURRENCY = 1000;
    static final int MAX_PREFETCH = 10_000;
    private static final String FUNCTION_KIND = "function.lua";
    /** The lifecycle defaults of services (spec 03 §3.5.2). */
    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    static ConsumerSettings of(Entry e, Registry registry) {
        Duration stop = ConfigDurations.of(e, "lifecycle.stop_timeout", DEFAULT_STOP_TIMEOUT);
        return new ConsumerSettings(e, registry.target(e, "queue", java.util.Set.of(QueueKinds.QUEUE)).id(),
                registry.target(e, "func", java.util.Set.of(FUNCTION_KIND)).id(), bounded(e, "concurrency", 1, MAX_CONCURRENCY),
                bounded(e, "prefetch", 10, MAX_PREFETCH), flag(e, "auto_ack"), flag(e, "lifecycle.auto_start"),
                stop.isZero() ? DEFAULT_STOP_TIMEOUT : stop);
    }

    String id() {
        return entry.id();
    }


    private static int bounded(Entry e, String field, int otherwise, int max) {
        Object v = e.field(field);
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 1
                || ((Number) v).longValue() > max) {
            throw BootException.at(e, "'" + field + "' must be a whole number from 1 to " + max + ", not " + v);
        }
        return ((Number) v).intValue();
    }

    private static boolean flag(Entry e, String field) {
        Object v = e.field(field);
        if (v != null && !(v instanceof Boolean)) {
            throw BootException.at(e, "'" + field + "' must be true or false, not " + v);
        }
        return Boolean.TRUE.equals(v);
    }
}
