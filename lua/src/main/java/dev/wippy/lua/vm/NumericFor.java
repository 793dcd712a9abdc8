package dev.wippy.lua.vm;

/**
 * A numeric {@code for} whose start or step are not statically known to be integers: decides at run time between
 * an integer loop (exact iteration count, never overflows) and a float loop, with Lua 5.4's rules and errors.
 */
public final class NumericFor {
    private final boolean integer;
    private long i;
    private long count;
    private final long istep;
    private double x;
    private final double flimit;
    private final double fstep;

    private NumericFor(long init, long count, long step) {
        this.integer = true;
        this.i = init;
        this.count = count;
        this.istep = step;
        this.flimit = 0;
        this.fstep = 0;
    }

    private NumericFor(double init, double limit, double step) {
        this.integer = false;
        this.x = init;
        this.flimit = limit;
        this.fstep = step;
        this.istep = 0;
    }

    /** Prepares a loop, or returns null when it must not run at all. */
    public static NumericFor prepare(LuaState s, Object init, Object limit, Object step) {
        if (init instanceof Long i0 && step instanceof Long st) {
            long stepv = st;
            if (stepv == 0) {
                throw LuaError.runtime("'for' step is zero");
            }
            Long lim = integerLimit(s, i0, limit, stepv);
            if (lim == null) {
                return null;
            }
            return new NumericFor(i0, count(i0, lim, stepv), stepv);
        }
        Object l = number(s, limit, "limit");
        Object st = number(s, step, "step");
        Object in = number(s, init, "initial value");
        double fl = ((Number) l).doubleValue();
        double fs = ((Number) st).doubleValue();
        double fi = ((Number) in).doubleValue();
        if (fs == 0) {
            throw LuaError.runtime("'for' step is zero");
        }
        // PUC's forprep skips when the limit is past the start: a NaN limit runs the body once
        if (fs > 0 ? fl < fi : fi < fl) {
            return null;
        }
        return new NumericFor(fi, fl, fs);
    }

    /**
     * The integer limit of an integer loop, clipped like PUC's {@code forlimit}: a float limit is floored (ceiled
     * for negative steps); null when the loop must not run.
     */
    public static Long integerLimit(LuaState s, long init, Object limit, long step) {
        long lim;
        if (limit instanceof Long l) {
            lim = l;
        } else {
            Object n = number(s, limit, "limit");
            if (n instanceof Long l) {
                lim = l;
            } else {
                double f = (Double) n;
                if (Double.isNaN(f)) {
                    // PUC's forlimit takes NaN for a float below every integer
                    return step > 0 ? null : Long.MIN_VALUE;
                }
                double r = step < 0 ? Math.ceil(f) : Math.floor(f);
                if (r >= 0x1p63) {
                    if (step < 0) {
                        return null;
                    }
                    lim = Long.MAX_VALUE;
                } else if (r < -0x1p63) {
                    if (step > 0) {
                        return null;
                    }
                    lim = Long.MIN_VALUE;
                } else {
                    lim = (long) r;
                }
            }
        }
        return (step > 0 ? init > lim : init < lim) ? null : lim;
    }

    /** A loop parameter as a number (numeric strings convert), or PUC's {@code bad 'for'} error. */
    public static Object number(LuaState s, Object v, String what) {
        Object n = LuaNumbers.toNumber(v);
        if (n == null) {
            throw LuaError.runtime("bad 'for' " + what + " (number expected, got " + Interop.objTypeName(s, v) + ")");
        }
        return n;
    }

    /** Number of iterations after the first (an unsigned value), like PUC's {@code forprep}. */
    public static long count(long init, long limit, long step) {
        if (step > 0) {
            long c = limit - init;
            return step == 1 ? c : Long.divideUnsigned(c, step);
        }
        return Long.divideUnsigned(init - limit, -(step + 1) + 1L);
    }

    /** The current value of the control variable. */
    public Object value() {
        return integer ? (Object) i : (Object) x;
    }

    /** Advances; false when the loop is over. */
    public boolean next() {
        if (integer) {
            if (count == 0) {
                return false;
            }
            count--;
            i += istep;
            return true;
        }
        x += fstep;
        return fstep > 0 ? x <= flimit : flimit <= x;
    }
}
