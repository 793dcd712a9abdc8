package dev.wippy.runtime.queue;

import java.util.Map;

/**
 * A queue backend (a {@code queue.driver.*} entry). Queues and consumers use only this interface, {@link
 * DriverQueue} and {@link Delivery}; a driver is a service that is started at boot when its lifecycle says
 * {@code auto_start} and stopped after every consumer and process.
 */
public interface Driver {
    /** The registry ID of the driver entry. */
    String id();

    /** The key of this driver's part of {@code driver_options} ({@code memory}, {@code amqp}). */
    String optionsKey();

    void start();

    /** Refuses publishing from now on; publishers waiting for room fail. */
    void stop();

    boolean running();

    /**
     * The backend queue called {@code name}, created on first use; every queue entry with the same name shares it.
     *
     * @param options this driver's part of the queue entry's {@code driver_options} (empty when absent)
     * @throws IllegalArgumentException when the options are invalid; the message is shown to the app's author
     */
    DriverQueue declare(String name, Map<String, Object> options);
}
