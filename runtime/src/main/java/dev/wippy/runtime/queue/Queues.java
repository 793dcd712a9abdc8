package dev.wippy.runtime.queue;

import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.funcs.Functions;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The queue entries of an app: drivers, declared queues and consumers, made and checked at boot, started after the
 * functions exist, and stopped at shutdown (consumers before processes, drivers last).
 */
public final class Queues implements Subsystem {
    private final Map<String, Driver> drivers;
    private final List<Driver> autoStartDrivers;
    private final Map<String, QueueDefinition> queues;
    private final Map<String, Consumer> consumers;

    private Queues(Map<String, Driver> drivers, List<Driver> autoStartDrivers, Map<String, QueueDefinition> queues,
                   Map<String, Consumer> consumers) {
        this.drivers = drivers;
        this.autoStartDrivers = autoStartDrivers;
        this.queues = queues;
        this.consumers = consumers;
    }

    /**
     * Makes the drivers, declares the queues and checks the consumers of {@code registry}; nothing runs yet.
     *
     * @throws BootException naming the entry whose configuration is wrong
     */
    public static Queues of(Registry registry, Functions functions) {
        Map<String, Driver> drivers = new LinkedHashMap<>();
        List<Driver> autoStart = new ArrayList<>();
        Map<String, Entry> queueEntries = new LinkedHashMap<>();
        for (Entry e : registry.all()) {
            var make = QueueKinds.DRIVERS.get(e.kind());
            if (make != null) {
                Driver d = make.apply(e);
                drivers.put(e.id(), d);
                if (e.flag("lifecycle.auto_start", false)) {
                    autoStart.add(d);
                }
            } else if (e.kind().equals(QueueKinds.QUEUE)) {
                queueEntries.put(e.id(), e);
            }
        }
        Map<String, QueueDefinition> queues = new LinkedHashMap<>();
        for (Entry e : queueEntries.values()) {
            queues.put(e.id(), QueueDefinition.declare(e, drivers, queueEntries, queues::get));
        }
        Map<String, Consumer> consumers = new LinkedHashMap<>();
        for (Entry e : registry.ofKind(QueueKinds.CONSUMER)) {
            ConsumerSettings s = ConsumerSettings.of(e, registry);
            consumers.put(e.id(), new Consumer(s, queues.get(s.queue()), functions));
        }
        return new Queues(drivers, autoStart, queues, consumers);
    }

    /**
     * Starts the auto-start drivers, then the auto-start consumers; consumers run before services, so that a
     * service may publish and wait for results from its start.
     *
     * @throws BootException for a consumer whose driver does not run
     */
    @Override
    public void start() {
        autoStartDrivers.forEach(Driver::start);
        for (Consumer c : consumers.values()) {
            if (c.settings().autoStart()) {
                try {
                    c.start();
                } catch (IllegalStateException e) {
                    throw BootException.at(c.settings().entry(), e.getMessage()
                            + " (a driver starts with lifecycle.auto_start: true)");
                }
            }
        }
    }

    /**
     * Stops every consumer gracefully, all at once so that their stop timeouts overlap; their handlers finish
     * while the processes they may talk to still run.
     *
     * @return the consumers that had to cancel handlers
     */
    @Override
    public List<String> stop(Duration timeout) {
        Map<String, CompletableFuture<Boolean>> stops = new LinkedHashMap<>();
        consumers.forEach((id, c) -> {
            CompletableFuture<Boolean> stopped = new CompletableFuture<>();
            Thread.startVirtualThread(() -> stopped.complete(c.stop()));
            stops.put(id, stopped);
        });
        List<String> cut = new ArrayList<>();
        stops.forEach((id, stopped) -> {
            if (!stopped.join()) {
                cut.add("handlers of consumer " + id);
            }
        });
        return cut;
    }

    /** Stops the drivers: publishing fails from now on. */
    @Override
    public void close() {
        drivers.values().forEach(Driver::stop);
    }

    /** The IDs of the declared queues, in entry order. */
    public java.util.Set<String> queueIds() {
        return java.util.Collections.unmodifiableSet(queues.keySet());
    }

    /** The consumers by entry ID, in entry order. */
    public Map<String, Consumer> consumers() {
        return java.util.Collections.unmodifiableMap(consumers);
    }

    /** A consumer by entry ID, or null. */
    public Consumer consumer(String id) {
        return consumers.get(id);
    }

    QueueDefinition queue(String id) {
        return queues.get(id);
    }

    /**
     * Publishes a Lua value (live or frozen) from Java; see {@link DriverQueue#publish} for the future.
     *
     * @throws IllegalArgumentException for an unknown queue
     * @throws IOException when the queue's codec cannot encode the value
     */
    public CompletableFuture<Void> publish(String queueId, Object value, Map<String, String> headers)
            throws IOException {
        QueueDefinition q = queues.get(queueId);
        if (q == null) {
            throw new IllegalArgumentException("queue not found: " + queueId);
        }
        return q.publish(value, headers);
    }

    /** The figures of {@code queue.info}, or null for an unknown queue. */
    public Map<String, Object> info(String queueId) {
        QueueDefinition q = queues.get(queueId);
        if (q == null) {
            return null;
        }
        Map<String, Object> info = new LinkedHashMap<>(q.backend().info());
        info.put("ready", q.driver().running());
        info.put("codec", q.codec().name());
        info.put("dead_lettered", q.deadLettered());
        return info;
    }
}
