package dev.wippy.runtime.uuid;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Version 1 (RFC 9562 §5.1) and version 7 (§5.7) UUIDs. Both strictly increase for successive calls in this
 * runtime, so ordering by ID matches creation order even within one clock tick or when the clock steps back: a
 * timestamp that does not advance is replaced by the last one plus one unit.
 */
public final class TimeUuids {
    /** 100-nanosecond intervals from the Gregorian reform (1582-10-15), where v1 counts from, to the Unix epoch. */
    static final long GREGORIAN_TO_UNIX = 0x01B21DD213814000L;
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long V7_RANDOM_B = (1L << 62) - 1;
    private static final long V7_RANDOM_A = (1L << 12) - 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * This runtime's v1 node ID: random rather than a MAC address, which Java cannot read portably and which
     * would leak the host; the multicast bit marks it as random (RFC 9562 §6.10).
     */
    private static final long NODE = (RANDOM.nextLong() & 0xFFFF_FFFF_FFFFL) | 0x0100_0000_0000L;
    private static final long CLOCK_SEQUENCE = RANDOM.nextInt(1 << 14);

    private static long lastTicks;
    private static long lastMillis;
    /** The 12 random bits after the v7 version nibble, counted up with {@link #v7RandomB} within a millisecond. */
    private static long v7RandomA;
    private static long v7RandomB;

    private TimeUuids() {
    }

    static synchronized UUID v1() {
        Instant now = Instant.now();
        long ticks = GREGORIAN_TO_UNIX + now.getEpochSecond() * TICKS_PER_SECOND + now.getNano() / 100;
        lastTicks = Math.max(ticks, lastTicks + 1);
        // time_low, time_mid, then the version beside time_high: the field order of RFC 9562 §5.1.
        long msb = (lastTicks & 0xFFFF_FFFFL) << 32 | ((lastTicks >>> 32) & 0xFFFF) << 16 | 0x1000
                | ((lastTicks >>> 48) & 0x0FFF);
        return new UUID(msb, VARIANT_RFC | CLOCK_SEQUENCE << 48 | NODE);
    }

    /** A version 7 UUID, larger than every one made before in this runtime. */
    public static synchronized UUID v7() {
        long millis = System.currentTimeMillis();
        if (millis > lastMillis) {
            lastMillis = millis;
            v7RandomA = RANDOM.nextLong() & V7_RANDOM_A;
            v7RandomB = RANDOM.nextLong() & V7_RANDOM_B;
        } else {
            countUp();
        }
        return new UUID(lastMillis << 16 | 0x7000 | v7RandomA, VARIANT_RFC | v7RandomB);
    }

    /** Adds one to the 74 random bits, carrying into the timestamp when they are all ones. */
    private static void countUp() {
        v7RandomB = (v7RandomB + 1) & V7_RANDOM_B;
        if (v7RandomB == 0) {
            v7RandomA = (v7RandomA + 1) & V7_RANDOM_A;
            if (v7RandomA == 0) {
                lastMillis++;
            }
        }
    }

    /** Unix seconds of a version 1 UUID. */
    static long v1Seconds(UUID id) {
        return Math.floorDiv(id.timestamp() - GREGORIAN_TO_UNIX, TICKS_PER_SECOND);
    }

    /** Unix seconds of a version 7 UUID. */
    static long v7Seconds(UUID id) {
        return (id.getMostSignificantBits() >>> 16) / 1000;
    }
}
