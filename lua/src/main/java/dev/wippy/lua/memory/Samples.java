package dev.wippy.lua.memory;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Values a state allocated, one per so many bytes charged, held weakly. They stand in for what a walk cannot see:
 * the locals of running Lua functions live in JVM frames, so a table that only a local holds is found through a
 * sample of it or of something it reaches (a large allocation is always sampled; a list grown in many small steps
 * is sampled every few nodes, and a walk from a node reaches the older ones). The JVM's collector decides which
 * samples are still live.
 */
final class Samples {
    private static final int FIRST_PRUNE = 256;

    /** A weakly held value and when it was taken, in collections and in forced collections. */
    private static final class Sample extends WeakReference<Object> {
        final long collections;
        final long forced;

        Sample(Object value, long collections, long forced) {
            super(value);
            this.collections = collections;
            this.forced = forced;
        }

        /**
         * Still held after a whole collection that started after it was taken: two epochs since (see
         * {@link GcEpochs}), or one forced full collection.
         */
        boolean provenLive(long collectionsNow) {
            return collectionsNow >= collections + 2 || GcEpochs.forcedSince(forced);
        }
    }

    private final List<Sample> samples = new ArrayList<>();
    private int pruneAt = FIRST_PRUNE;

    void add(Object value) {
        if (samples.size() >= pruneAt) {
            samples.removeIf(s -> s.get() == null);
            pruneAt = Math.max(FIRST_PRUNE, 2 * samples.size());
        }
        samples.add(new Sample(value, GcEpochs.collections(), GcEpochs.forcedStarted()));
    }

    /** Hands the samples still held to {@code provenLive} or {@code unproven} (see {@link Sample#provenLive}). */
    void split(Consumer<Object> provenLive, Consumer<Object> unproven) {
        long now = GcEpochs.collections();
        samples.removeIf(s -> s.get() == null);
        for (Sample s : samples) {
            Object value = s.get();
            if (value != null) {
                (s.provenLive(now) ? provenLive : unproven).accept(value);
            }
        }
        pruneAt = Math.max(FIRST_PRUNE, 2 * samples.size());
    }
}
