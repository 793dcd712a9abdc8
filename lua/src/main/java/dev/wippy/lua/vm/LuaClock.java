package dev.wippy.lua.vm;

import java.time.ZoneId;

/**
 * Where a state reads time: {@code os.time}, {@code os.date} and {@code os.clock} never read the system directly,
 * so that an embedder (a workflow host replaying history) can substitute recorded values.
 */
public interface LuaClock {
    /** Milliseconds since the epoch. */
    long currentTimeMillis();

    /** A monotonic nanosecond counter. */
    long nanoTime();

    /** The zone used for local dates. */
    ZoneId zone();

    LuaClock SYSTEM = new LuaClock() {
        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public ZoneId zone() {
            return ZoneId.systemDefault();
        }
    };
}
