package dev.wippy.runtime.queue;

import dev.wippy.runtime.registry.Entry;

import java.util.Map;
import java.util.function.Function;

/** The entry kinds of this package, and how each driver kind is made: a new backend is one more line here. */
public final class QueueKinds {
    public static final String DRIVER_MEMORY = "queue.driver.memory";
    public static final String QUEUE = "queue.queue";
    public static final String CONSUMER = "queue.consumer";

    static final Map<String, Function<Entry, Driver>> DRIVERS = Map.of(DRIVER_MEMORY, MemoryDriver::new);

    private QueueKinds() {
    }
}
