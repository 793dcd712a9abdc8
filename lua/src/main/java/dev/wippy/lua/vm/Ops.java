package dev.wippy.lua.vm;

/**
 * Entry points for compiled code. Each method handles the common case in a few bytecodes so that the JIT inlines
 * it at every site, and leaves everything else (metamethods, coercions, errors) to {@link Interop} and
 * {@link Arith}. Errors raised here take their position and variable descriptions from the calling instruction's
 * site (see {@link FunctionInfo}), so no extra arguments are needed.
 */
public final class Ops {
    /** Tail calls nest directly up to this depth before being handed back to a trampoline. */
    static final int MAX_DIRECT_TAIL_CALLS = 100;

    private Ops() {}

    // ---------------------------------------------------------------- truth

    public static boolean truthy(Object v) {
        return v != null && v != Boolean.FALSE;
    }

    public static Boolean not(Object v) {
        return v == null || v == Boolean.FALSE ? Boolean.TRUE : Boolean.FALSE;
    }

    // ---------------------------------------------------------------- arithmetic

    public static Object add(LuaState s, Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x + y;
            }
            if (b instanceof Double y) {
                return x + y;
            }
        } else if (a instanceof Double x) {
            if (b instanceof Double y) {
                return x + y;
            }
            if (b instanceof Long y) {
                return x + y;
            }
        }
        return Arith.arith(s, Arith.ADD, a, b);
    }

    public static Object sub(LuaState s, Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x - y;
            }
            if (b instanceof Double y) {
                return x - y;
            }
        } else if (a instanceof Double x) {
            if (b instanceof Double y) {
                return x - y;
            }
            if (b instanceof Long y) {
                return x - y;
            }
        }
        return Arith.arith(s, Arith.SUB, a, b);
    }

    public static Object mul(LuaState s, Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x * y;
            }
            if (b instanceof Double y) {
                return x * y;
            }
        } else if (a instanceof Double x) {
            if (b instanceof Double y) {
                return x * y;
            }
            if (b instanceof Long y) {
                return x * y;
            }
        }
        return Arith.arith(s, Arith.MUL, a, b);
    }

    public static Object div(LuaState s, Object a, Object b) {
        if ((a instanceof Double || a instanceof Long) && (b instanceof Double || b instanceof Long)) {
            return ((Number) a).doubleValue() / ((Number) b).doubleValue();
        }
        return Arith.arith(s, Arith.DIV, a, b);
    }

    public static Object mod(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long m = y;
            if (m > 0) {
                return Math.floorMod(x.longValue(), m);
            }
            return Arith.mod(x, m);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Arith.mod(x, y);
        }
        return Arith.arith(s, Arith.MOD, a, b);
    }

    public static Object idiv(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long d = y;
            if (d > 0) {
                return Math.floorDiv(x.longValue(), d);
            }
            return Arith.idiv(x, d);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Math.floor(x / y);
        }
        return Arith.arith(s, Arith.IDIV, a, b);
    }

    public static Object pow(LuaState s, Object a, Object b) {
        if ((a instanceof Double || a instanceof Long) && (b instanceof Double || b instanceof Long)) {
            return Arith.pow(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return Arith.arith(s, Arith.POW, a, b);
    }

    public static Object unm(LuaState s, Object a) {
        if (a instanceof Long x) {
            return -x;
        }
        if (a instanceof Double x) {
            return -x;
        }
        return Arith.arith(s, Arith.UNM, a, a);
    }

    public static Object band(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x & y;
        }
        return Arith.arith(s, Arith.BAND, a, b);
    }

    public static Object bor(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x | y;
        }
        return Arith.arith(s, Arith.BOR, a, b);
    }

    public static Object bxor(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x ^ y;
        }
        return Arith.arith(s, Arith.BXOR, a, b);
    }

    public static Object shl(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Arith.shiftLeft(x, y);
        }
        return Arith.arith(s, Arith.SHL, a, b);
    }

    public static Object shr(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Arith.shiftLeft(x, -y);
        }
        return Arith.arith(s, Arith.SHR, a, b);
    }

    public static Object bnot(LuaState s, Object a) {
        if (a instanceof Long x) {
            return ~x;
        }
        return Arith.arith(s, Arith.BNOT, a, a);
    }

    // ---------------------------------------------------------------- comparison

    public static boolean eq(LuaState s, Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double d && d.isNaN()); // one boxed NaN is still unequal to itself
        }
        if (a instanceof LuaString x) {
            return b instanceof LuaString y && x.equals(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (a == null || b == null) {
            return false;
        }
        return Interop.equals(s, a, b);
    }

    public static boolean lt(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x < y;
        }
        return Interop.lessThan(s, a, b);
    }

    public static boolean le(LuaState s, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x <= y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x <= y;
        }
        return Interop.lessEqual(s, a, b);
    }

    // ---------------------------------------------------------------- length and concatenation

    public static Object len(LuaState s, Object v) {
        if (v instanceof LuaTable t && t.getMetatable() == null) {
            return t.length();
        }
        if (v instanceof LuaString str) {
            return (long) str.length();
        }
        return Interop.len(s, v);
    }

    public static Object concat(LuaState s, Object a, Object b) {
        if (a instanceof LuaString x && b instanceof LuaString y) {
            return s.chargeString(x.concat(y));
        }
        return Interop.concat(s, a, b);
    }

    public static Object concat(LuaState s, Object[] values) {
        return Interop.concat(s, values);
    }

    // ---------------------------------------------------------------- allocation

    /** A table constructor: {@code narray} list items and {@code nhash} named fields, charged to the state. */
    public static LuaTable newTable(LuaState s, int narray, int nhash) {
        return new LuaTable(narray, nhash, s);
    }

    /** Charges {@code bytes} for {@code value}, just made by compiled code (a closure). */
    public static void allocated(Object value, LuaState s, int bytes) {
        s.charge(bytes, value);
    }

    // ---------------------------------------------------------------- indexing

    public static Object index(LuaState s, Object o, Object k) {
        if (o instanceof LuaTable t) {
            Object v = t.get(k);
            if (v != null || t.getMetatable() == null) {
                return v;
            }
        }
        return Interop.index(s, o, k);
    }

    /** {@code o.name} / {@code o:name} with a constant string key, fast for the class-method pattern. */
    public static Object field(LuaState s, Object o, LuaString k) {
        if (o instanceof LuaTable t) {
            Object v = t.getStr(k);
            if (v != null) {
                return v;
            }
            LuaTable mt = t.getMetatable();
            if (mt == null) {
                return null;
            }
            if (mt.getStr(MetaNames.INDEX) instanceof LuaTable cls && cls.getMetatable() == null) {
                return cls.getStr(k);
            }
        }
        return Interop.index(s, o, k);
    }

    /** {@code o.name} through a site's inline cache. */
    public static Object field(LuaState s, Object o, LuaString k, FieldCache cache) {
        if (o instanceof LuaTable t) {
            Object v = t.getStrCached(k, cache);
            if (v != null) {
                return v;
            }
            LuaTable mt = t.getMetatable();
            if (mt == null) {
                return null;
            }
            if (mt.getStr(MetaNames.INDEX) instanceof LuaTable cls && cls.getMetatable() == null) {
                return cls.getStrCached(k, cache.forClass());
            }
        }
        return Interop.index(s, o, k);
    }

    public static Object indexInt(LuaState s, Object o, long k) {
        if (o instanceof LuaTable t) {
            Object v = t.getInt(k);
            if (v != null || t.getMetatable() == null) {
                return v;
            }
        }
        return Interop.index(s, o, k);
    }

    public static void setIndex(LuaState s, Object o, Object k, Object v) {
        if (o instanceof LuaTable t && t.getMetatable() == null) {
            t.put(k, v);
            return;
        }
        Interop.setIndex(s, o, k, v);
    }

    public static void setField(LuaState s, Object o, LuaString k, Object v) {
        if (o instanceof LuaTable t && t.getMetatable() == null) {
            t.putStr(k, v);
            return;
        }
        Interop.setIndex(s, o, k, v);
    }

    /** {@code o.name = v} through a site's inline cache. */
    public static void setField(LuaState s, Object o, LuaString k, Object v, FieldCache cache) {
        if (o instanceof LuaTable t && t.getMetatable() == null) {
            if (!t.putStrCached(k, v, cache)) {
                t.putStr(k, v);
            }
            return;
        }
        Interop.setIndex(s, o, k, v);
    }

    public static void setIndexInt(LuaState s, Object o, long k, Object v) {
        if (o instanceof LuaTable t && t.getMetatable() == null) {
            t.putInt(k, v);
            return;
        }
        Interop.setIndex(s, o, k, v);
    }

    // ---------------------------------------------------------------- calls

    /** The function to call for {@code f}: itself, or an adapter applying its {@code __call} metamethod. */
    public static LuaFunction fn(LuaState s, Object f) {
        if (f instanceof LuaFunction fn) {
            return fn;
        }
        return CallMetamethod.of(s, f);
    }

    public static Object first(LuaState s, Object result) {
        return result instanceof CallResult r ? r.first(s) : result;
    }

    public static Object[] all(LuaState s, Object result) {
        return result instanceof CallResult r ? r.all(s) : new Object[] {result};
    }

    /** Whether a tail call may be made directly (then {@link #exitTail} must follow). */
    public static boolean enterTail(LuaState s) {
        Coroutine co = s.current;
        if (co.tailDepth < MAX_DIRECT_TAIL_CALLS) {
            co.tailDepth++;
            return true;
        }
        return false;
    }

    public static void exitTail(LuaState s) {
        s.current.tailDepth--;
    }

    public static Object tailCall(LuaFunction f) {
        return new TailCall(f, Multi.NO_VALUES);
    }

    public static Object tailCall(LuaFunction f, Object a) {
        return new TailCall(f, new Object[] {a});
    }

    public static Object tailCall(LuaFunction f, Object a, Object b) {
        return new TailCall(f, new Object[] {a, b});
    }

    public static Object tailCall(LuaFunction f, Object a, Object b, Object c) {
        return new TailCall(f, new Object[] {a, b, c});
    }

    public static Object tailCallv(LuaFunction f, Object[] args) {
        return new TailCall(f, args);
    }

    // ---------------------------------------------------------------- budget

    public static void tick(LuaState s) {
        if (--s.budget < 0) {
            s.budgetExhausted();
        }
    }

    /** Function entry: counts the call depth and the work budget. */
    public static void enter(LuaState s) {
        if (++s.depth > s.maxDepth() | --s.budget < 0) {
            s.enterSlow();
        }
    }

    /** Function entry in a chunk that uses the debug library: the call hook. */
    public static void hookCall(LuaState s) {
        Hooks.call(s);
    }

    /** Normal function exit in a chunk that uses the debug library: the return hook. */
    public static void hookReturn(LuaState s) {
        Hooks.ret(s);
    }

    /** A new line in a chunk that uses the debug library: the line and count hooks. */
    public static void hookLine(LuaState s, int line) {
        Hooks.line(s, line);
    }

    /** Function entry in a chunk that uses the debug library: the frame that keeps the function's locals. */
    public static DebugFrame pushFrame(LuaState s, LuaClosure f, Object[] varargs) {
        Coroutine co = s.current;
        DebugFrame frame = new DebugFrame(f, varargs, co.debugTop);
        co.debugTop = frame;
        return frame;
    }

    /** Function exit (normal or by error) in a chunk that uses the debug library. */
    public static void popFrame(LuaState s, DebugFrame frame) {
        s.current.debugTop = frame.caller;
    }

    /** A callee in a chunk that uses the debug library: Java functions report their calls to hooks. */
    public static LuaFunction hookable(LuaFunction f) {
        return Hooks.reporting(f);
    }

    /** Function exit (normal or by error). */
    public static void leave(LuaState s) {
        s.depth--;
    }

    // ---------------------------------------------------------------- results and varargs

    /** Runs pending tail calls: the result is a plain value or a {@link Multi}. */
    public static Object resolve(LuaState s, Object result) {
        if (result instanceof TailCall t) {
            Object[] all = t.all(s);
            return Multi.of(all);
        }
        return result;
    }

    /** Value {@code i} (0-based) of a resolved result. */
    public static Object nth(Object resolved, int i) {
        if (resolved instanceof Multi m) {
            Object[] v = m.all(null);
            return i < v.length ? v[i] : null;
        }
        return i == 0 ? resolved : null;
    }

    /** Discards a call's results, running any pending tail call. */
    public static void discard(LuaState s, Object result) {
        if (result instanceof TailCall t) {
            t.all(s);
        }
    }

    public static Object get(Object[] values, int i) {
        return i < values.length ? values[i] : null;
    }

    /** The raw result for returning {@code values} (taking ownership of the array). */
    public static Object results(Object[] values) {
        return Multi.of(values);
    }

    /** {@code fixed} followed by all of {@code rest}. */
    public static Object[] append(Object[] fixed, Object[] rest) {
        if (fixed.length == 0) {
            return rest;
        }
        Object[] r = new Object[fixed.length + rest.length];
        System.arraycopy(fixed, 0, r, 0, fixed.length);
        System.arraycopy(rest, 0, r, fixed.length, rest.length);
        return r;
    }

    /** The extra arguments of a vararg function with {@code fixed} parameters. */
    public static Object[] varargs(Object[] args, int fixed) {
        if (args.length <= fixed) {
            return Multi.NO_VALUES;
        }
        return java.util.Arrays.copyOfRange(args, fixed, args.length);
    }

    /** Stores {@code values} in the array part of a table constructor from position {@code from} on. */
    public static void setList(LuaTable t, int from, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            t.setListItem(from + i, values[i]);
        }
    }

    // ---------------------------------------------------------------- to-be-closed variables

    /** Checks a {@code <close>} variable's value when it is declared. */
    public static void checkClosable(LuaState s, Object v, String name) {
        if (v != null && v != Boolean.FALSE && Interop.metamethod(s, v, MetaNames.CLOSE) == null) {
            throw LuaError.runtime("variable '" + name + "' got a non-closable value");
        }
    }

    /** Closes a {@code <close>} variable's value on a normal exit from its scope. */
    public static void close(LuaState s, Object v) {
        if (v != null && v != Boolean.FALSE) {
            callClose(s, v, null);
        }
    }

    /**
     * Closes a value while an error propagates; returns the error to propagate (a new one if the handler itself
     * failed). Interrupts pass through without running handlers that could catch them.
     */
    public static Throwable closeOnError(LuaState s, Object v, Throwable error) {
        if (v == null || v == Boolean.FALSE || error instanceof LuaInterrupt i && !i.runsCloseHandlers()) {
            return error;
        }
        Object errorValue;
        if (error instanceof LuaError e) {
            errorValue = e.value();
        } else if (error instanceof StackOverflowError) {
            errorValue = LuaString.of("stack overflow");
        } else if (error instanceof LuaInterrupt) {
            errorValue = null;
        } else {
            errorValue = LuaString.of(String.valueOf(error));
        }
        try {
            callClose(s, v, errorValue);
        } catch (LuaError e) {
            return e;
        }
        return error;
    }

    private static void callClose(LuaState s, Object v, Object error) {
        Object handler = Interop.metamethod(s, v, MetaNames.CLOSE);
        if (handler == null) {
            throw LuaError.runtime("metamethod 'close' is not callable");
        }
        Interop.call(s, handler, v, error);
    }

    // ---------------------------------------------------------------- numeric for

    /** The clipped limit of an integer {@code for}, or null when the loop does not run. */
    public static Long forLimit(LuaState s, long init, Object limit, long step) {
        return NumericFor.integerLimit(s, init, limit, step);
    }

    public static long forCount(long init, long limit, long step) {
        return NumericFor.count(init, limit, step);
    }

    public static void forStepNotZero(long step) {
        if (step == 0) {
            throw LuaError.runtime("'for' step is zero");
        }
    }

    /** A parameter of a float {@code for}. */
    public static double forFloat(LuaState s, Object v, String what) {
        return ((Number) NumericFor.number(s, v, what)).doubleValue();
    }

    // ---------------------------------------------------------------- typed arithmetic

    public static long idiv(long a, long b) {
        return b > 0 ? Math.floorDiv(a, b) : Arith.idiv(a, b);
    }

    public static long mod(long a, long b) {
        return b > 0 ? Math.floorMod(a, b) : Arith.mod(a, b);
    }

    public static double mod(double a, double b) {
        return Arith.mod(a, b);
    }

    public static double pow(double a, double b) {
        return Arith.pow(a, b);
    }

    public static long shl(long a, long b) {
        return Arith.shiftLeft(a, b);
    }

    public static long shr(long a, long b) {
        return Arith.shiftLeft(a, -b);
    }

    public static boolean lt(long a, double b) {
        return Interop.intLessThanFloat(a, b);
    }

    public static boolean lt(double a, long b) {
        return Interop.floatLessThanInt(a, b);
    }

    public static boolean le(long a, double b) {
        return Interop.intLessEqualFloat(a, b);
    }

    public static boolean le(double a, long b) {
        return Interop.floatLessEqualInt(a, b);
    }

    public static boolean eq(long a, double b) {
        return LuaNumbers.isExactInteger(b) && a == (long) b;
    }
}
