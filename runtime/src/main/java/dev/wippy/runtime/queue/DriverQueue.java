package dev.wippy.runtime.queue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One queue inside a driver: publishing, subscriptions with a prefetch window, and figures for {@code info}. */
public interface DriverQueue {
    /**
     * Hands a message to the backend. The future completes once the backend holds it: at once, or when a full
     * queue has room again (cancelling the future withdraws the message if it is still waiting). It fails when
     * the driver does not run. A message is never dropped.
     */
    CompletableFuture<Void> publish(Envelope message);

    /**
     * Starts delivering to {@code sink}, with at most {@code prefetch} deliveries outstanding (delivered, not
     * settled) at any time. The sink may be called on any thread, also before this method returns.
     */
    Subscription subscribe(int prefetch, Sink sink);

    /** Driver-dependent figures ({@code message_count}, {@code consumer_count}, ...) as plain Java values. */
    Map<String, Object> info();

    /** Receives deliveries. */
    @FunctionalInterface
    interface Sink {
        void deliver(Delivery delivery);
    }

    /** A running subscription. */
    interface Subscription {
        /** Stops new deliveries; outstanding ones can still be settled. */
        void cancel();
    }
}
