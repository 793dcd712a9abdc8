package dev.wippy.lua.vm;

import java.lang.management.ManagementFactory;

/**
 * {@code collectgarbage("count")} as PUC keeps it: the memory in use after the last full collection plus all that
 * was allocated since. It grows with allocation and drops at a full collection, whatever the JVM's own collector
 * does in between (the heap's momentary use goes up and down with it, so it cannot show what a collection freed).
 */
public final class MemoryCount {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static volatile long usedAfterCollection = used();
    private static volatile long allocatedAtCollection = THREADS.getTotalThreadAllocatedBytes();

    private MemoryCount() {}

    /** Call right after a full collection. */
    static void collected() {
        allocatedAtCollection = THREADS.getTotalThreadAllocatedBytes();
        usedAfterCollection = used();
    }

    /** A collection that did not run the JVM's collector: what was allocated since the last one counts as freed. */
    static void collectedWithoutGc() {
        allocatedAtCollection = THREADS.getTotalThreadAllocatedBytes();
    }

    static long allocatedSinceCollection() {
        return THREADS.getTotalThreadAllocatedBytes() - allocatedAtCollection;
    }

    public static double kilobytes() {
        return (usedAfterCollection + THREADS.getTotalThreadAllocatedBytes() - allocatedAtCollection) / 1024.0;
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
