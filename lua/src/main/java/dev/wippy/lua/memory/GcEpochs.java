package dev.wippy.lua.memory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * When the JVM has collected: what lets a walk trust a weakly held sample. A sample still held after a collection
 * that began after it was taken is reachable; before that it may be garbage the collector has not looked at yet.
 * Full collections requested here are counted separately, since the collector's own counters may show one as a
 * single step.
 */
public final class GcEpochs {
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    /** Forced collections take at most about 1/(1+PAUSE) of the running time, whoever asks for them. */
    private static final int PAUSE = 20;

    private static long forcedStarted;
    private static long forcedFinished;
    private static long pausedUntil;

    private GcEpochs() {}

    /** Collections the JVM has finished, of any kind. */
    static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean c : COLLECTORS) {
            n += Math.max(0, c.getCollectionCount());
        }
        return n;
    }

    /** How many forced full collections had started: a sample records it when taken. */
    static synchronized long forcedStarted() {
        return forcedStarted;
    }

    /** Whether a forced full collection began after {@code started} was read and has finished. */
    static synchronized boolean forcedSince(long started) {
        return forcedFinished > started;
    }

    /** Runs a full collection now (as {@code collectgarbage()} does). */
    public static synchronized void collect() {
        long start = System.nanoTime();
        long mine = ++forcedStarted;
        System.gc();
        forcedFinished = mine;
        long end = System.nanoTime();
        pausedUntil = end + PAUSE * (end - start);
    }

    /** Runs a full collection unless forced ones have recently taken their share of the time; false if not run. */
    static synchronized boolean collectIfDue() {
        if (System.nanoTime() < pausedUntil) {
            return false;
        }
        collect();
        return true;
    }
}
