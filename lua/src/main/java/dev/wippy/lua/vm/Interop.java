package dev.wippy.lua.vm;

/**
 * Lua's operations on values with their full semantics (metamethods, coercions, PUC error messages). Compiled code
 * reaches these through the fast paths in {@link Ops}; libraries and embedders call them directly.
 */
public final class Interop {
    private static final int MAX_TAG_LOOP = 2000;
    private static final LuaString TRUE = LuaString.of("true");
    private static final LuaString FALSE = LuaString.of("false");
    private static final LuaString NIL = LuaString.of("nil");

    private Interop() {}

    // ---------------------------------------------------------------- types and metatables

    public static boolean isTruthy(Object v) {
        return v != null && v != Boolean.FALSE;
    }

    /** {@code type(v)}. */
    public static String typeName(Object v) {
        return switch (v) {
            case null -> "nil";
            case Boolean ignored -> "boolean";
            case Long ignored -> "number";
            case Double ignored -> "number";
            case LuaString ignored -> "string";
            case LuaTable ignored -> "table";
            case LuaFunction ignored -> "function";
            case Coroutine ignored -> "thread";
            default -> "userdata";
        };
    }

    public static LuaTable getMetatable(LuaState s, Object v) {
        return switch (v) {
            case LuaTable t -> t.getMetatable();
            case LuaString ignored -> s.stringMetatable;
            case LuaUserdata u -> u.getMetatable();
            case Long ignored -> s.numberMetatable;
            case Double ignored -> s.numberMetatable;
            case Boolean ignored -> s.booleanMetatable;
            case LuaFunction ignored -> s.functionMetatable;
            case Coroutine ignored -> s.threadMetatable;
            case null -> s.nilMetatable;
            default -> null;
        };
    }

    /** The metamethod {@code event} of {@code v}, or null. */
    public static Object metamethod(LuaState s, Object v, LuaString event) {
        LuaTable mt = getMetatable(s, v);
        return mt == null ? null : mt.getStr(event);
    }

    /** The type name used in messages: the metatable's string {@code __name}, or {@link #typeName}. */
    public static String objTypeName(LuaState s, Object v) {
        LuaTable mt = getMetatable(s, v);
        if (mt != null && (v instanceof LuaTable || v instanceof LuaUserdata)
                && mt.getStr(MetaNames.NAME) instanceof LuaString name) {
            return name.toString();
        }
        return typeName(v);
    }

    // ---------------------------------------------------------------- indexing

    /** {@code o[k]} with {@code __index}. */
    public static Object index(LuaState s, Object o, Object k) {
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object handler;
            if (o instanceof LuaTable t) {
                Object v = t.get(k);
                if (v != null) {
                    return v;
                }
                LuaTable mt = t.getMetatable();
                if (mt == null || (handler = mt.getStr(MetaNames.INDEX)) == null) {
                    return null;
                }
            } else {
                handler = metamethod(s, o, MetaNames.INDEX);
                if (handler == null) {
                    throw LuaError.typeError(s, o, "index", 0);
                }
            }
            if (handler instanceof LuaFunction f) {
                return CallResult.first(s, f.call(s, o, k));
            }
            o = handler;
        }
        throw LuaError.runtime("'__index' chain too long; possible loop");
    }

    /** {@code o[k] = v} with {@code __newindex}. */
    public static void setIndex(LuaState s, Object o, Object k, Object v) {
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object handler;
            if (o instanceof LuaTable t) {
                LuaTable mt = t.getMetatable();
                if (mt == null || (handler = mt.getStr(MetaNames.NEWINDEX)) == null || t.get(k) != null) {
                    t.put(k, v);
                    return;
                }
            } else {
                handler = metamethod(s, o, MetaNames.NEWINDEX);
                if (handler == null) {
                    throw LuaError.typeError(s, o, "index", 0);
                }
            }
            if (handler instanceof LuaFunction f) {
                CallResult.first(s, f.call(s, o, k, v));
                return;
            }
            o = handler;
        }
        throw LuaError.runtime("'__newindex' chain too long; possible loop");
    }

    // ---------------------------------------------------------------- calls

    /** Calls any value (functions, or values with {@code __call}) and returns its raw result. */
    public static Object callv(LuaState s, Object f, Object[] args) {
        if (f instanceof LuaFunction fn) {
            try {
                return fn.callv(s, args);
            } catch (ArgumentError e) {
                e.completeName(fn);
                throw e;
            }
        }
        Object handler = metamethod(s, f, MetaNames.CALL);
        if (handler == null) {
            throw LuaError.callError(s, f);
        }
        Object[] withSelf = new Object[args.length + 1];
        withSelf[0] = f;
        System.arraycopy(args, 0, withSelf, 1, args.length);
        return callv(s, handler, withSelf);
    }

    /** Calls any value and returns its first result. */
    public static Object call1(LuaState s, Object f, Object... args) {
        return CallResult.first(s, callv(s, f, args));
    }

    /** Calls any value and returns all its results. */
    public static Object[] call(LuaState s, Object f, Object... args) {
        return CallResult.all(s, callv(s, f, args));
    }

    // ---------------------------------------------------------------- comparison

    public static boolean rawEquals(Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double d && d.isNaN()); // one boxed NaN is still unequal to itself
        }
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x.longValue() == y.longValue();
            }
            return b instanceof Double y && LuaNumbers.isExactInteger(y) && x == (long) (double) y;
        }
        if (a instanceof Double x) {
            if (b instanceof Double y) {
                return x.doubleValue() == y.doubleValue();
            }
            return b instanceof Long y && LuaNumbers.isExactInteger(x) && y == (long) (double) x;
        }
        if (a instanceof LuaString x) {
            return x.equals(b);
        }
        return a instanceof Boolean x && x.equals(b);
    }

    /** {@code a == b} with {@code __eq}. */
    public static boolean equals(LuaState s, Object a, Object b) {
        if (rawEquals(a, b)) {
            return true;
        }
        if ((a instanceof LuaTable && b instanceof LuaTable) || (a instanceof LuaUserdata && b instanceof LuaUserdata)) {
            Object handler = metamethod(s, a, MetaNames.EQ);
            if (handler == null) {
                handler = metamethod(s, b, MetaNames.EQ);
            }
            return handler != null && isTruthy(call1(s, handler, a, b));
        }
        return false;
    }

    /** {@code a < b}. */
    public static boolean lessThan(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        }
        if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            return numLessThan(a, b);
        }
        if (a instanceof LuaString x && b instanceof LuaString y) {
            return x.compareTo(y) < 0;
        }
        return orderMeta(s, a, b, MetaNames.LT);
    }

    /** {@code a <= b} (no {@code __lt} fallback, as in 5.4). */
    public static boolean lessEqual(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x <= y;
        }
        if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            return numLessEqual(a, b);
        }
        if (a instanceof LuaString x && b instanceof LuaString y) {
            return x.compareTo(y) <= 0;
        }
        return orderMeta(s, a, b, MetaNames.LE);
    }

    private static boolean orderMeta(LuaState s, Object a, Object b, LuaString event) {
        Object handler = metamethod(s, a, event);
        if (handler == null) {
            handler = metamethod(s, b, event);
        }
        if (handler == null) {
            String t1 = objTypeName(s, a);
            String t2 = objTypeName(s, b);
            throw LuaError.runtime(t1.equals(t2) ? "attempt to compare two " + t1 + " values"
                    : "attempt to compare " + t1 + " with " + t2);
        }
        return isTruthy(call1(s, handler, a, b));
    }

    /** Exact {@code a < b} for numbers of any subtype (no rounding of large integers). */
    public static boolean numLessThan(Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x < y;
            }
            return intLessThanFloat(x, (Double) b);
        }
        double x = (Double) a;
        if (b instanceof Double y) {
            return x < y;
        }
        return floatLessThanInt(x, (Long) b);
    }

    public static boolean numLessEqual(Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x <= y;
            }
            return intLessEqualFloat(x, (Double) b);
        }
        double x = (Double) a;
        if (b instanceof Double y) {
            return x <= y;
        }
        return floatLessEqualInt(x, (Long) b);
    }

    private static boolean fitsFloat(long i) {
        return -(1L << 53) <= i && i <= (1L << 53);
    }

    static boolean intLessThanFloat(long i, double f) {
        if (fitsFloat(i)) {
            return i < f;
        }
        if (Double.isNaN(f)) {
            return false;
        }
        if (f >= 0x1p63) {
            return true;
        }
        if (f < -0x1p63) {
            return false;
        }
        return i < (long) Math.ceil(f);
    }

    static boolean intLessEqualFloat(long i, double f) {
        if (fitsFloat(i)) {
            return i <= f;
        }
        if (Double.isNaN(f)) {
            return false;
        }
        if (f >= 0x1p63) {
            return true;
        }
        if (f < -0x1p63) {
            return false;
        }
        return i <= (long) Math.floor(f);
    }

    static boolean floatLessThanInt(double f, long i) {
        if (fitsFloat(i)) {
            return f < i;
        }
        if (Double.isNaN(f)) {
            return false;
        }
        if (f >= 0x1p63) {
            return false;
        }
        if (f < -0x1p63) {
            return true;
        }
        return (long) Math.floor(f) < i;
    }

    static boolean floatLessEqualInt(double f, long i) {
        if (fitsFloat(i)) {
            return f <= i;
        }
        if (Double.isNaN(f)) {
            return false;
        }
        if (f >= 0x1p63) {
            return false;
        }
        if (f < -0x1p63) {
            return true;
        }
        return (long) Math.ceil(f) <= i;
    }

    // ---------------------------------------------------------------- length

    /** {@code #v} with {@code __len}. */
    public static Object len(LuaState s, Object v) {
        if (v instanceof LuaString str) {
            return (long) str.length();
        }
        Object handler = metamethod(s, v, MetaNames.LEN);
        if (handler != null) {
            // PUC passes the operand twice, like a binary event
            return call1(s, handler, v, v);
        }
        if (v instanceof LuaTable t) {
            return t.length();
        }
        throw LuaError.typeError(s, v, "get length of", 0);
    }

    // ---------------------------------------------------------------- strings

    /** {@code tostring(v)}: {@code __tostring}, then {@code __name}, then the default text. */
    public static LuaString tostring(LuaState s, Object v) {
        LuaTable mt = getMetatable(s, v);
        if (mt != null) {
            Object handler = mt.getStr(MetaNames.TOSTRING);
            if (handler != null) {
                Object r = call1(s, handler, v);
                if (r instanceof LuaString str) {
                    return str;
                }
                if (r instanceof Long || r instanceof Double) {
                    return LuaNumbers.toLuaString(r);
                }
                throw LuaError.library("'__tostring' must return a string");
            }
            if (mt.getStr(MetaNames.NAME) instanceof LuaString name && !(v instanceof LuaString)) {
                return LuaString.of(name + ": " + address(v));
            }
        }
        return rawToString(v);
    }

    /** The text of a value without metamethods. */
    public static LuaString rawToString(Object v) {
        return switch (v) {
            case null -> NIL;
            case LuaString str -> str;
            case Long ignored -> LuaNumbers.toLuaString(v);
            case Double ignored -> LuaNumbers.toLuaString(v);
            case Boolean b -> b ? TRUE : FALSE;
            default -> LuaString.of(typeName(v) + ": " + address(v));
        };
    }

    /** A unique, stable address-like text for a reference value. */
    public static String address(Object o) {
        return Addresses.of(o);
    }

    /** The string value of a string or number (numbers are converted), or null. */
    public static LuaString toStringCoerced(Object v) {
        if (v instanceof LuaString s) {
            return s;
        }
        if (v instanceof Long || v instanceof Double) {
            return LuaNumbers.toLuaString(v);
        }
        return null;
    }

    /** {@code a .. b}. */
    public static Object concat(LuaState s, Object a, Object b) {
        return concat(s, a, b, 0);
    }

    /** {@code a .. b} where {@code a} is operand {@code first} of the instruction and {@code b} the next one. */
    private static Object concat(LuaState s, Object a, Object b, int first) {
        LuaString x = toStringCoerced(a);
        LuaString y = toStringCoerced(b);
        if (x != null && y != null) {
            return s.chargeString(x.concat(y));
        }
        Object handler = metamethod(s, a, MetaNames.CONCAT);
        if (handler == null) {
            handler = metamethod(s, b, MetaNames.CONCAT);
        }
        if (handler == null) {
            boolean firstOk = x != null;
            throw LuaError.typeError(s, firstOk ? b : a, "concatenate", firstOk ? first + 1 : first);
        }
        return call1(s, handler, a, b);
    }

    /**
     * {@code v1 .. v2 .. ... .. vn}: consecutive strings and numbers are joined in one buffer; metamethods apply
     * right to left like PUC's {@code luaV_concat}.
     */
    public static Object concat(LuaState s, Object[] values) {
        int n = values.length;
        Object acc = values[n - 1];
        int i = n - 2;
        while (i >= 0) {
            LuaString right = toStringCoerced(acc);
            if (right == null || toStringCoerced(values[i]) == null) {
                acc = concat(s, values[i], acc, i);
                i--;
                continue;
            }
            int start = i;
            long total = right.length();
            while (start >= 0 && toStringCoerced(values[start]) != null) {
                total += toStringCoerced(values[start]).length();
                start--;
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw LuaError.runtime("string length overflow");
            }
            byte[] buf = new byte[(int) total];
            int pos = 0;
            for (int j = start + 1; j <= i; j++) {
                LuaString part = toStringCoerced(values[j]);
                System.arraycopy(part.rawBytes(), 0, buf, pos, part.length());
                pos += part.length();
            }
            System.arraycopy(right.rawBytes(), 0, buf, pos, right.length());
            acc = s.chargeString(LuaString.wrap(buf));
            i = start;
        }
        return acc;
    }
}
