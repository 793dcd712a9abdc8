package dev.wippy.lua.vm;

/**
 * What {@code collectgarbage} sets and reports for a state. The JVM collects on its own, so these are only
 * remembered, so that scripts reading them back see what PUC would show.
 */
public final class GcParameters {
    /** "incremental" or "generational". */
    public String mode = "incremental";
    public boolean running = true;
    /** PUC's defaults (LUAI_GCPAUSE, LUAI_GCMUL). */
    public long pause = 200;
    public long stepMultiplier = 100;

    /** A pause or step multiplier as PUC stores it: a quarter of it in one byte. */
    public static long stored(long value) {
        return ((value / 4) & 0xFF) * 4;
    }
}
