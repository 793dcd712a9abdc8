package dev.wippy.lua.lib;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.Arith;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.lua.vm.Xoshiro256;

/**
 * The {@code math} library, integer-aware like PUC 5.4 ({@code floor} returns integers when they fit, {@code max}
 * keeps the subtype, ...), with {@code random} on the state's xoshiro256** generator. Functions used in numeric
 * loops are {@link LuaFunction} subclasses so that the JIT can inline them at each call site.
 */
public final class MathLib {
    static final LuaTable TEMPLATE = new LibraryBuilder("math")
            .fn("abs", new Unary("abs") {
                @Override
                Object apply(LuaState s, Object x) {
                    if (x instanceof Long l) {
                        return l < 0 ? -l : l;
                    }
                    return Math.abs(number(s, x));
                }
            })
            .fn("floor", new Unary("floor") {
                @Override
                Object apply(LuaState s, Object x) {
                    if (x instanceof Long) {
                        return x;
                    }
                    return numberToInteger(Math.floor(number(s, x)));
                }
            })
            .fn("ceil", new Unary("ceil") {
                @Override
                Object apply(LuaState s, Object x) {
                    if (x instanceof Long) {
                        return x;
                    }
                    return numberToInteger(Math.ceil(number(s, x)));
                }
            })
            .fn("sqrt", new Unary("sqrt") {
                @Override
                Object apply(LuaState s, Object x) {
                    return Math.sqrt(number(s, x));
                }
            })
            .fn("sin", floatFn("sin", Math::sin))
            .fn("cos", floatFn("cos", Math::cos))
            .fn("tan", floatFn("tan", Math::tan))
            // out of their domain, C's asin and acos give a positive NaN (print shows "nan", not "-nan")
            .fn("asin", floatFn("asin", x -> Math.abs(x) > 1 ? Double.NaN : Math.asin(x)))
            .fn("acos", floatFn("acos", x -> Math.abs(x) > 1 ? Double.NaN : Math.acos(x)))
            .fn("exp", floatFn("exp", Math::exp))
            .fn("deg", floatFn("deg", x -> x * (180.0 / Math.PI)))
            .fn("rad", floatFn("rad", x -> x * (Math.PI / 180.0)))
            .fn("atan", (s, a) -> Math.atan2(Args.checkDouble(s, a, 0), Args.optDouble(s, a, 1, 1.0)))
            .fn("log", MathLib::log)
            .fn("fmod", MathLib::fmod)
            .fn("modf", MathLib::modf)
            .fn("tointeger", new Unary("tointeger") {
                @Override
                Object apply(LuaState s, Object x) {
                    return x instanceof Long ? x : LuaNumbers.toInteger(x);
                }

                @Override
                Object applyToNonNumber(LuaState s, Object[] args) {
                    return LuaNumbers.toInteger(Args.checkAny(args, 0));
                }
            })
            .fn("type", new Unary("type") {
                @Override
                Object apply(LuaState s, Object x) {
                    return x instanceof Long ? INTEGER : x instanceof Double ? FLOAT : null;
                }

                @Override
                Object applyToNonNumber(LuaState s, Object[] args) {
                    Args.checkAny(args, 0);
                    return null;
                }
            })
            .fn("ult", (s, a) -> Long.compareUnsigned(Args.checkInteger(s, a, 0), Args.checkInteger(s, a, 1)) < 0)
            .fn("max", new Extreme("max", true))
            .fn("min", new Extreme("min", false))
            .fn("random", new Random())
            .fn("randomseed", MathLib::randomseed)
            .value("pi", Math.PI)
            .value("huge", Double.POSITIVE_INFINITY)
            .value("maxinteger", Long.MAX_VALUE)
            .value("mininteger", Long.MIN_VALUE)
            .build();

    /** The sandbox adds the compatibility names of spec 06 §1.2. */
    static final LuaTable SANDBOX_TEMPLATE = sandboxTemplate();

    private static final LuaString INTEGER = LuaString.of("integer");
    private static final LuaString FLOAT = LuaString.of("float");

    private MathLib() {}

    public static LuaTable install(LuaState s, boolean sandbox) {
        LuaTable t = LuaTable.copyOnWrite(sandbox ? SANDBOX_TEMPLATE : TEMPLATE);
        s.globals().putStr(LuaString.of("math"), t);
        return t;
    }

    private static LuaTable sandboxTemplate() {
        LuaTable t = LuaTable.copyOnWrite(TEMPLATE);
        t.putStr(LuaString.of("pow"), new JavaFunction("math.pow",
                (s, a) -> Arith.pow(Args.checkDouble(s, a, 0), Args.checkDouble(s, a, 1))));
        t.putStr(LuaString.of("log10"),
                new JavaFunction("math.log10", (s, a) -> Math.log10(Args.checkDouble(s, a, 0))));
        t.putStr(LuaString.of("atan2"), new JavaFunction("math.atan2",
                (s, a) -> Math.atan2(Args.checkDouble(s, a, 0), Args.checkDouble(s, a, 1))));
        t.putStr(LuaString.of("sinh"), floatFn("sinh", Math::sinh));
        t.putStr(LuaString.of("cosh"), floatFn("cosh", Math::cosh));
        t.putStr(LuaString.of("tanh"), floatFn("tanh", Math::tanh));
        return t;
    }

    /** A float that fits an integer becomes one (PUC's {@code pushnumint}). */
    static Object numberToInteger(double d) {
        if (d >= -0x1p63 && d < 0x1p63) {
            return (long) d;
        }
        return d;
    }

    // ---------------------------------------------------------------- function shapes

    /** A one-argument function with a fast path for the common direct call {@code f(x)}. */
    private abstract static class Unary extends LuaFunction {
        private final String name;

        Unary(String name) {
            this.name = name;
        }

        abstract Object apply(LuaState s, Object x);

        /** An argument that is not a number: converted from a numeric string, or a PUC argument error. */
        Object applyToNonNumber(LuaState s, Object[] args) {
            return apply(s, Args.checkNumber(s, args, 0));
        }

        /** The argument as a float; numeric strings convert; anything else is a PUC argument error. */
        static double number(LuaState s, Object x) {
            if (x instanceof Double d) {
                return d;
            }
            return Args.checkDouble(s, new Object[] {x}, 0);
        }

        @Override
        public Object call(LuaState s, Object a) {
            if (a instanceof Long || a instanceof Double) {
                return apply(s, a);
            }
            return callv(s, new Object[] {a});
        }

        @Override
        public Object callv(LuaState s, Object[] args) {
            Object x = Args.arg(args, 0);
            if (x instanceof Long || x instanceof Double) {
                return apply(s, x);
            }
            return applyToNonNumber(s, args);
        }

        @Override
        public String name() {
            return "math." + name;
        }
    }

    @FunctionalInterface
    private interface DoubleOp {
        double apply(double x);
    }

    private static LuaFunction floatFn(String name, DoubleOp op) {
        return new Unary(name) {
            @Override
            Object apply(LuaState s, Object x) {
                return op.apply(number(s, x));
            }
        };
    }

    /** {@code math.max} / {@code math.min}: the winning argument itself, subtype kept. */
    private static final class Extreme extends LuaFunction {
        private final String name;
        private final boolean max;

        Extreme(String name, boolean max) {
            this.name = name;
            this.max = max;
        }

        @Override
        public Object call(LuaState s, Object a, Object b) {
            if (a instanceof Long x && b instanceof Long y) {
                return max ? (x >= y ? a : b) : (x <= y ? a : b);
            }
            if (a instanceof Double x && b instanceof Double y) {
                return max ? (y > x ? b : a) : (y < x ? b : a);
            }
            return callv(s, new Object[] {a, b});
        }

        @Override
        public Object callv(LuaState s, Object[] args) {
            if (args.length == 0) {
                throw Args.error(0, "value expected");
            }
            // like PUC, the arguments are only compared with '<', not checked to be numbers
            Object best = args[0];
            for (int i = 1; i < args.length; i++) {
                Object v = args[i];
                if (max ? Interop.lessThan(s, best, v) : Interop.lessThan(s, v, best)) {
                    best = v;
                }
            }
            return best;
        }

        @Override
        public String name() {
            return "math." + name;
        }
    }

    /** {@code math.random([m [, n]])} with PUC's argument rules. */
    private static final class Random extends LuaFunction {
        @Override
        public Object call(LuaState s) {
            return Xoshiro256.toUnitFloat(s.random().next());
        }

        @Override
        public Object callv(LuaState s, Object[] args) {
            Xoshiro256 g = s.random();
            long rv = g.next();
            long low;
            long up;
            switch (args.length) {
                case 0 -> {
                    return Xoshiro256.toUnitFloat(rv);
                }
                case 1 -> {
                    low = 1;
                    up = Args.checkInteger(s, args, 0);
                    if (up == 0) {
                        return rv;
                    }
                }
                case 2 -> {
                    low = Args.checkInteger(s, args, 0);
                    up = Args.checkInteger(s, args, 1);
                }
                default -> throw dev.wippy.lua.vm.LuaError.library("wrong number of arguments");
            }
            if (low > up) {
                throw Args.error(0, "interval is empty"); // PUC blames #1 for both forms
            }
            return g.project(rv, up - low) + low;
        }

        @Override
        public String name() {
            return "math.random";
        }
    }

    // ---------------------------------------------------------------- other functions

    private static Object log(LuaState s, Object[] a) {
        double x = Args.checkDouble(s, a, 0);
        if (Args.isNoneOrNil(a, 1)) {
            return Math.log(x);
        }
        double base = Args.checkDouble(s, a, 1);
        if (base == 2.0) {
            return log2(x);
        }
        if (base == 10.0) {
            return StrictMath.log10(x); // fdlibm's log10 agrees with C's more often than the intrinsic
        }
        return Math.log(x) / Math.log(base);
    }

    /**
     * C's {@code log2}, which PUC uses for base 2: exact for powers of two, and with the exponent split off so
     * that the rounding error of the division only affects the fraction.
     */
    private static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x) || x < Double.MIN_NORMAL) {
            return Math.log(x) / Math.log(2.0);
        }
        int e = Math.getExponent(x);
        double m = x / Math.scalb(1.0, e);
        return m == 1.0 ? e : e + Math.log(m) / Math.log(2.0);
    }

    private static Object fmod(LuaState s, Object[] a) {
        Object x = Args.checkNumber(s, a, 0);
        Object y = Args.checkNumber(s, a, 1);
        if (x instanceof Long m && y instanceof Long d) {
            if (d + 1 == 0 || d == 0) {
                if (d == 0) {
                    throw Args.error(1, "zero");
                }
                return 0L;
            }
            return m % d;
        }
        return ((Number) x).doubleValue() % ((Number) y).doubleValue();
    }

    private static Object modf(LuaState s, Object[] a) {
        Object x = Args.checkNumber(s, a, 0);
        if (x instanceof Long) {
            return Multi.of(x, 0.0);
        }
        double n = (Double) x;
        double ip = n < 0 ? Math.ceil(n) : Math.floor(n);
        return Multi.of(numberToInteger(ip), n == ip ? 0.0 : n - ip);
    }

    private static Object randomseed(LuaState s, Object[] a) {
        long n1;
        long n2;
        if (a.length == 0) {
            n1 = s.clock().nanoTime() ^ System.identityHashCode(s);
            n2 = s.clock().currentTimeMillis();
        } else {
            n1 = Args.checkInteger(s, a, 0);
            n2 = Args.optInteger(s, a, 1, 0);
        }
        s.random().seed(n1, n2);
        return Multi.of(n1, n2);
    }
}
