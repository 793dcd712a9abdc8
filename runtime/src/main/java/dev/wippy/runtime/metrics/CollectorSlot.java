package dev.wippy.runtime.metrics;

/**
 * The app's metrics collector, installed by the extension that exports metrics and read where metrics are recorded.
 * Empty when no such extension runs: then recording is skipped, at the cost of one read.
 */
public final class CollectorSlot {
    private volatile Collector collector;

    /** @throws IllegalStateException when a collector is installed already */
    public void install(Collector c) {
        if (collector != null) {
            throw new IllegalStateException("a metrics collector is installed already");
        }
        collector = c;
    }

    /** The installed collector, or null. */
    public Collector get() {
        return collector;
    }
}
