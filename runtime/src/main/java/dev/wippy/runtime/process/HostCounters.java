package dev.wippy.runtime.process;

import java.util.concurrent.atomic.LongAdder;

/** How many processes a host has started and seen exit since boot; the difference is how many live. */
public final class HostCounters {
    private final LongAdder spawned = new LongAdder();
    private final LongAdder exited = new LongAdder();

    void spawned() {
        spawned.increment();
    }

    void exited() {
        exited.increment();
    }

    public long spawnedCount() {
        return spawned.sum();
    }

    public long exitedCount() {
        return exited.sum();
    }

    /** Processes started and not yet exited (both sums are read a moment apart: never below zero). */
    public long live() {
        return Math.max(0, spawned.sum() - exited.sum());
    }
}
