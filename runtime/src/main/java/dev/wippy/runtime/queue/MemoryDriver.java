package dev.wippy.runtime.queue;

import dev.wippy.runtime.registry.Entry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code queue.driver.memory}: queues in this JVM, for development, tests and single-node apps. Messages do not
 * survive a restart of the runtime, but do survive a restart of consumers.
 */
final class MemoryDriver implements Driver {
    /** Spec 04 §1.2: {@code memory.max_length} 0 or unset. */
    static final int DEFAULT_MAX_LENGTH = 1000;

    private final String id;
    private final Map<String, MemoryQueue> queues = new ConcurrentHashMap<>();
    private volatile boolean running;

    MemoryDriver(Entry entry) {
        this.id = entry.id();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String optionsKey() {
        return "memory";
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        queues.values().forEach(MemoryQueue::refuseWaiting);
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public DriverQueue declare(String name, Map<String, Object> options) {
        int maxLength = maxLength(options.get("max_length"));
        MemoryQueue q = queues.computeIfAbsent(name, n -> new MemoryQueue(n, maxLength, this));
        if (q.maxLength() != maxLength) {
            throw new IllegalArgumentException("queue_name " + name + " is declared again with another "
                    + "memory.max_length (" + maxLength + " here, " + q.maxLength() + " before)");
        }
        return q;
    }

    private static int maxLength(Object value) {
        if (value == null) {
            return DEFAULT_MAX_LENGTH;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0
                || ((Number) value).longValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("driver_options.memory.max_length must be a whole number from 0 to "
                    + Integer.MAX_VALUE + ", not " + value);
        }
        int n = ((Number) value).intValue();
        return n == 0 ? DEFAULT_MAX_LENGTH : n;
    }
}
