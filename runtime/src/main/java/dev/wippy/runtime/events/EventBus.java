package dev.wippy.runtime.events;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's event bus (spec 03 §3.11). Publishing hands the event to every matching subscription right away, on
 * the publisher's thread, so the events of one publisher reach each subscriber in the order they were sent. The
 * subscription list is copied on write because events are published far more often than executions subscribe.
 */
public final class EventBus {
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    void add(Subscription s) {
        subscriptions.add(s);
    }

    void remove(Subscription s) {
        subscriptions.remove(s);
    }

    /** Live subscriptions: none may outlive its execution. */
    int size() {
        return subscriptions.size();
    }

    void publish(BusEvent event) {
        for (Subscription s : subscriptions) {
            if (s.matches(event)) {
                s.offer(event);
            }
        }
    }
}
