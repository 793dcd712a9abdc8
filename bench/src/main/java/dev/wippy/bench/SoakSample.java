package dev.wippy.bench;

import java.util.Locale;

/** What the soak had done by the end of a wave, and the live heap then. */
record SoakSample(int wave, double elapsedSeconds, long processes, long messages, long calls, long heapBytes) {
    static final String CSV_HEADER = "wave,elapsed_s,processes,messages,calls,heap_bytes";

    String csvLine() {
        return String.format(Locale.ROOT, "%d,%.1f,%d,%d,%d,%d", wave, elapsedSeconds, processes, messages, calls,
                heapBytes);
    }

    double heapMiB() {
        return heapBytes / (1024.0 * 1024.0);
    }
}
