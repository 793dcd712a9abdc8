package dev.wippy.lua.memory;

import java.lang.ref.WeakReference;

/**
 * When the JVM has collected: what lets a walk trust a weakly held sample. A sample still held after a collection
 * that began after it was taken is reachable; before that it may be garbage the collector has not looked at yet.
 * Collections are seen through a sentinel, an object nothing holds: the first look after a collection finds it
 * gone and counts an epoch, so two epochs after a sample (the second sentinel made after the sample was taken)
 * mean a whole collection since. Full collections requested here are counted on their own.
 */
public final class GcEpochs {
    /** Forced collections take at most about 1/(1+PAUSE) of the running time, whoever asks for them. */
    private static final int PAUSE = 20;

    // read without the lock (every sample reads them); written under it
    private static volatile WeakReference<Object> sentinel = new WeakReference<>(new Object());
    private static volatile long epochs;
    private static volatile long forcedStarted;
    private static volatile long forcedFinished;
    private static long pausedUntil;

    private GcEpochs() {}

    /** The collections seen so far (at most one per look: enough to tell that one has happened since). */
    static long collections() {
        if (sentinel.refersTo(null)) {
            newEpoch();
        }
        return epochs;
    }

    private static synchronized void newEpoch() {
        if (sentinel.refersTo(null)) {
            epochs++;
            sentinel = new WeakReference<>(new Object());
        }
    }

    /** How many forced full collections had started: a sample records it when taken. */
    static long forcedStarted() {
        return forcedStarted;
    }

    /** Whether a forced full collection began after {@code started} was read and has finished. */
    static boolean forcedSince(long started) {
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
