package dev.wippy.temporal.run;

import java.util.ArrayList;
import java.util.List;

/**
 * What reached a run since its last quiescent point, in the order Temporal's deterministic threads produced it:
 * activity and timer completions, child starts and outcomes, signals, results of recorded values. The driver
 * applies all of it to the code at the next quiescent point.
 */
final class Inbox {
    private final List<Runnable> items = new ArrayList<>();

    synchronized void add(Runnable item) {
        items.add(item);
    }

    synchronized boolean isEmpty() {
        return items.isEmpty();
    }

    synchronized List<Runnable> drain() {
        List<Runnable> out = List.copyOf(items);
        items.clear();
        return out;
    }
}
