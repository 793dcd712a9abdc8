package dev.wippy.runtime.queue;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@code queue.queue} entry (spec 04 §1.2): a name inside a driver, the codec of its bodies and its dead-letter
 * policy. Declared at boot, so a bad codec, driver or option stops the app before anything is published.
 */
final class QueueDefinition {
    private final String id;
    private final Driver driver;
    private final DriverQueue backend;
    private final Codec codec;
    private final DeadLetters deadLetters;
    /** Messages moved to the dead-letter queue since boot. */
    private final java.util.concurrent.atomic.AtomicLong deadLettered = new java.util.concurrent.atomic.AtomicLong();

    QueueDefinition(String id, Driver driver, DriverQueue backend, Codec codec, DeadLetters deadLetters) {
        this.id = id;
        this.driver = driver;
        this.backend = backend;
        this.codec = codec;
        this.deadLetters = deadLetters;
    }

    /**
     * Declares the queue of entry {@code e} in its driver.
     *
     * @param lookup finds queue definitions by ID once all are declared (dead-letter targets)
     */
    static QueueDefinition declare(Entry e, Map<String, Driver> drivers, Map<String, Entry> queueEntries,
                                   Function<String, QueueDefinition> lookup) {
        String driverId = e.reference("driver");
        if (driverId == null) {
            throw BootException.at(e, "missing required field 'driver'");
        }
        Driver driver = drivers.get(driverId);
        if (driver == null) {
            throw BootException.at(e, "field 'driver' refers to " + driverId + ", which is not a queue driver this "
                    + "runtime runs (" + String.join(", ", QueueKinds.DRIVERS.keySet()) + ")");
        }
        String codecName = e.string("codec");
        Codec codec = codecName == null ? Codec.JSON : Codec.named(codecName);
        if (codec == null) {
            throw BootException.at(e, "unknown codec '" + codecName + "' (json/plain or application/msgpack)");
        }
        String name = e.string("queue_name") == null ? e.name() : e.string("queue_name");
        Map<String, Object> options = e.field("driver_options." + driver.optionsKey()) instanceof Map<?, ?> m
                ? stringKeys(m) : Map.of();
        DriverQueue backend;
        try {
            backend = driver.declare(name, options);
        } catch (IllegalArgumentException problem) {
            throw BootException.at(e, problem.getMessage());
        }
        return new QueueDefinition(e.id(), driver, backend, codec, DeadLetters.of(e, queueEntries, lookup));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    String id() {
        return id;
    }

    Driver driver() {
        return driver;
    }

    DriverQueue backend() {
        return backend;
    }

    Codec codec() {
        return codec;
    }

    /** The dead-letter policy, or null when failed messages are always redelivered. */
    DeadLetters deadLetters() {
        return deadLetters;
    }

    void countDeadLetter() {
        deadLettered.incrementAndGet();
    }

    long deadLettered() {
        return deadLettered.get();
    }

    /**
     * Encodes {@code value} and hands it to the driver; see {@link DriverQueue#publish} for the future.
     *
     * @throws IOException when the codec cannot encode the value
     */
    CompletableFuture<Void> publish(Object value, Map<String, String> headers) throws IOException {
        return backend.publish(new Envelope(Envelope.newId(), codec.encode(value), headers));
    }
}
