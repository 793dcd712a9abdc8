package dev.wippy.lua.vm;

/**
 * Arithmetic and bitwise operators with Lua 5.4 semantics: integer operations wrap around, float operations follow
 * C, mixed operands convert to float, bitwise operands must have an exact integer value. Strings are not coerced
 * here: the string metatable's arithmetic metamethods do that, as in PUC.
 */
public final class Arith {
    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int MUL = 2;
    public static final int MOD = 3;
    public static final int POW = 4;
    public static final int DIV = 5;
    public static final int IDIV = 6;
    public static final int BAND = 7;
    public static final int BOR = 8;
    public static final int BXOR = 9;
    public static final int SHL = 10;
    public static final int SHR = 11;
    public static final int UNM = 12;
    public static final int BNOT = 13;

    private static final LuaString[] EVENTS = {
        MetaNames.ADD, MetaNames.SUB, MetaNames.MUL, MetaNames.MOD, MetaNames.POW, MetaNames.DIV, MetaNames.IDIV,
        MetaNames.BAND, MetaNames.BOR, MetaNames.BXOR, MetaNames.SHL, MetaNames.SHR, MetaNames.UNM, MetaNames.BNOT,
    };

    private Arith() {}

    /** Any operator on any operands (for unary operators pass the operand twice). */
    public static Object arith(LuaState s, int op, Object a, Object b) {
        Object r = numeric(op, a, b);
        if (r != null) {
            return r;
        }
        Object handler = Interop.metamethod(s, a, EVENTS[op]);
        if (handler == null) {
            handler = Interop.metamethod(s, b, EVENTS[op]);
        }
        if (handler != null) {
            return Interop.call1(s, handler, a, b);
        }
        boolean aNumber = a instanceof Long || a instanceof Double;
        boolean bNumber = b instanceof Long || b instanceof Double;
        if (op >= BAND && op != UNM) {
            if (aNumber && bNumber) {
                int culprit = LuaNumbers.toInteger(a) == null ? 0 : 1;
                throw LuaError.operandError("number%s has no integer representation", culprit);
            }
            throw LuaError.typeError(s, aNumber ? b : a, "perform bitwise operation on", aNumber ? 1 : 0);
        }
        throw LuaError.typeError(s, aNumber ? b : a, "perform arithmetic on", aNumber ? 1 : 0);
    }

    /** The result when both operands are numbers (and integral for bitwise operators), else null. */
    public static Object numeric(int op, Object a, Object b) {
        if (op >= BAND && op != UNM) {
            Long x = a instanceof Long l ? l : a instanceof Double d ? toIntegerOrNull(d) : null;
            Long y = b instanceof Long l ? l : b instanceof Double d ? toIntegerOrNull(d) : null;
            if (x == null || y == null) {
                return null;
            }
            return bitwise(op, x, y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return integer(op, x, y);
        }
        if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            return floating(op, ((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return null;
    }

    private static Long toIntegerOrNull(double d) {
        return LuaNumbers.isExactInteger(d) ? (long) d : null;
    }

    private static Object integer(int op, long x, long y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case MOD -> mod(x, y);
            case IDIV -> idiv(x, y);
            case UNM -> -x;
            case POW -> pow(x, y);
            case DIV -> (double) x / (double) y;
            default -> throw new IllegalArgumentException("op " + op);
        };
    }

    private static Object floating(int op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MOD -> mod(x, y);
            case IDIV -> Math.floor(x / y);
            case POW -> pow(x, y);
            case UNM -> -x;
            default -> throw new IllegalArgumentException("op " + op);
        };
    }

    private static long bitwise(int op, long x, long y) {
        return switch (op) {
            case BAND -> x & y;
            case BOR -> x | y;
            case BXOR -> x ^ y;
            case SHL -> shiftLeft(x, y);
            case SHR -> shiftLeft(x, -y);
            case BNOT -> ~x;
            default -> throw new IllegalArgumentException("op " + op);
        };
    }

    public static long mod(long a, long b) {
        if (b == 0) {
            throw LuaError.runtime("attempt to perform 'n%0'");
        }
        if (b == -1) {
            return 0;
        }
        return Math.floorMod(a, b);
    }

    public static long idiv(long a, long b) {
        if (b == 0) {
            throw LuaError.runtime("attempt to divide by zero");
        }
        if (b == -1) {
            return -a;
        }
        return Math.floorDiv(a, b);
    }

    /**
     * Float modulo like C's {@code fmod}, adjusted when the remainder and the divisor have opposite signs (so
     * {@code -1 % -math.huge} stays {@code -1.0}, while {@code -1 % math.huge} becomes {@code math.huge}).
     */
    public static double mod(double a, double b) {
        double m = a % b;
        // PUC's test: the sign comparison must not multiply, which underflows to 0 for tiny operands
        if (m > 0 ? b < 0 : m < 0 && b > 0) {
            m += b;
        } else if (m != m && a != a) {
            return a; // C's fmod returns a NaN operand as it is (keeping the sign that print shows)
        }
        return m;
    }

    /** C's {@code pow}, which differs from {@link Math#pow} for a base of 1 or -1 with infinite or NaN powers. */
    public static double pow(double a, double b) {
        if (b == 2) {
            return a * a;
        }
        if (b == 0.5 && a > 0) {
            return Math.sqrt(a); // not for -0.0 or -inf, whose square roots differ from pow's results
        }
        if (a == 1 || (a == -1 && Double.isInfinite(b))) {
            return 1;
        }
        return Math.pow(a, b);
    }

    public static long shiftLeft(long x, long n) {
        if (n <= -64 || n >= 64) {
            return 0;
        }
        return n >= 0 ? x << n : x >>> -n;
    }
}
