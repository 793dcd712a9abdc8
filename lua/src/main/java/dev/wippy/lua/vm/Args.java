package dev.wippy.lua.vm;

/**
 * Argument helpers for functions written in Java, raising PUC's {@code bad argument} errors. Indexes are 0-based
 * ({@code args[i]} is argument {@code #i+1}); an index past the end is an absent argument ("no value"), which is
 * not the same as an explicit nil.
 */
public final class Args {
    private Args() {}

    public static Object arg(Object[] args, int i) {
        return i < args.length ? args[i] : null;
    }

    public static boolean isNoneOrNil(Object[] args, int i) {
        return i >= args.length || args[i] == null;
    }

    /** PUC's type name for an argument: its {@code __name}, "no value" when absent, else its type. */
    public static String typeNameOf(LuaState s, Object[] args, int i) {
        if (i >= args.length) {
            return "no value";
        }
        // the debug library's upvalue ids are PUC's light userdata
        return args[i] instanceof Cell ? "light userdata" : Interop.objTypeName(s, args[i]);
    }

    /** {@code bad argument #i+1 to 'f' (<expected> expected, got <type>)}. */
    public static LuaError typeError(LuaState s, Object[] args, int i, String expected) {
        return LuaError.argument(i + 1, expected + " expected, got " + typeNameOf(s, args, i));
    }

    public static LuaError error(int i, String detail) {
        return LuaError.argument(i + 1, detail);
    }

    public static Object checkAny(Object[] args, int i) {
        if (i >= args.length) {
            throw LuaError.argument(i + 1, "value expected");
        }
        return args[i];
    }

    public static LuaTable checkTable(LuaState s, Object[] args, int i) {
        if (i < args.length && args[i] instanceof LuaTable t) {
            return t;
        }
        throw typeError(s, args, i, "table");
    }

    public static LuaFunction checkFunction(LuaState s, Object[] args, int i) {
        if (i < args.length && args[i] instanceof LuaFunction f) {
            return f;
        }
        throw typeError(s, args, i, "function");
    }

    /** A string argument; numbers are converted, and so are string-convertible userdata (spec 06 §5.2). */
    public static LuaString checkString(LuaState s, Object[] args, int i) {
        Object v = i < args.length ? args[i] : null;
        if (v instanceof LuaString str) {
            return str;
        }
        if (v instanceof Long || v instanceof Double) {
            return LuaNumbers.toLuaString(v);
        }
        if (v instanceof LuaUserdata u && u.isStringConvertible()) {
            return Interop.tostring(s, u);
        }
        throw typeError(s, args, i, "string");
    }

    public static LuaString optString(LuaState s, Object[] args, int i, LuaString def) {
        return isNoneOrNil(args, i) ? def : checkString(s, args, i);
    }

    /** A number argument (Long or Double); numeric strings are converted. */
    public static Object checkNumber(LuaState s, Object[] args, int i) {
        Object v = i < args.length ? args[i] : null;
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        Object n = LuaNumbers.toNumber(v);
        if (n == null) {
            throw typeError(s, args, i, "number");
        }
        return n;
    }

    public static double checkDouble(LuaState s, Object[] args, int i) {
        return ((Number) checkNumber(s, args, i)).doubleValue();
    }

    public static double optDouble(LuaState s, Object[] args, int i, double def) {
        return isNoneOrNil(args, i) ? def : checkDouble(s, args, i);
    }

    /** An integer argument; floats with an exact integer value and numeric strings are converted. */
    public static long checkInteger(LuaState s, Object[] args, int i) {
        Object v = i < args.length ? args[i] : null;
        if (v instanceof Long l) {
            return l;
        }
        Long l = LuaNumbers.toInteger(v);
        if (l != null) {
            return l;
        }
        if (LuaNumbers.toNumber(v) != null) {
            throw LuaError.argument(i + 1, "number has no integer representation");
        }
        throw typeError(s, args, i, "number");
    }

    public static long optInteger(LuaState s, Object[] args, int i, long def) {
        return isNoneOrNil(args, i) ? def : checkInteger(s, args, i);
    }

    /** An integer argument that must fit a Java int (sizes, positions); larger values are clamped. */
    public static int checkIntClamped(LuaState s, Object[] args, int i) {
        long v = checkInteger(s, args, i);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    public static boolean optBoolean(Object[] args, int i, boolean def) {
        return i >= args.length ? def : Interop.isTruthy(args[i]);
    }
}
