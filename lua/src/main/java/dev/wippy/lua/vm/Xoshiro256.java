package dev.wippy.lua.vm;

/** The xoshiro256** generator with PUC Lua 5.4's seeding and float/range conversions, so sequences match. */
public final class Xoshiro256 {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public long next() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Seeds like {@code math.randomseed(n1, n2)}: state {n1, 0xff, n2, 0}, then 16 discarded values. */
    public void seed(long n1, long n2) {
        s0 = n1;
        s1 = 0xff;
        s2 = n2;
        s3 = 0;
        for (int i = 0; i < 16; i++) {
            next();
        }
    }

    /** A float in [0, 1) from the top 53 bits, like PUC's {@code I2d}. */
    public static double toUnitFloat(long rv) {
        return (rv >>> 11) * 0x1.0p-53;
    }

    /** A uniform value in {@code [0, n]} by rejection, like PUC's {@code project}. */
    public long project(long ran, long n) {
        if ((n & (n + 1)) == 0) {
            return ran & n;
        }
        long lim = n;
        lim |= lim >>> 1;
        lim |= lim >>> 2;
        lim |= lim >>> 4;
        lim |= lim >>> 8;
        lim |= lim >>> 16;
        lim |= lim >>> 32;
        while (Long.compareUnsigned(ran &= lim, n) > 0) {
            ran = next();
        }
        return ran;
    }
}
