package dev.wippy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The live heap: what is still in use after full collections, so that garbage not yet collected is not counted. */
final class HeapSampler {
    private static final int COLLECTIONS = 4;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /**
     * Bytes in use after several full collections with pauses between them, which let the runtime's threads drop
     * what the previous collection made unreachable (ended virtual threads, cleared references).
     */
    long liveBytes() throws InterruptedException {
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            Thread.sleep(250);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
