package dev.wippy.temporal.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Temporal commands the run's code asked for, in the order it asked: Lua runs on the core's fibers, while the
 * Temporal SDK only accepts commands from the workflow thread, so the driver issues these at each quiescent point.
 */
final class Requests {
    private final List<Runnable> pending = new ArrayList<>();

    synchronized void add(Runnable onWorkflowThread) {
        pending.add(onWorkflowThread);
    }

    /** Issues every pending request on the calling workflow thread, including those that issuing adds. */
    void issueAll() {
        while (true) {
            List<Runnable> batch;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return;
                }
                batch = List.copyOf(pending);
                pending.clear();
            }
            batch.forEach(Runnable::run);
        }
    }
}
