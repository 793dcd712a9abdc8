package dev.wippy.lua.lib;

import dev.wippy.lua.compiler.BinaryChunk;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.Arith;
import dev.wippy.lua.vm.Coroutine;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;

import java.io.ByteArrayOutputStream;

/** The {@code string} library and the string metatable (PUC Lua 5.4 semantics over byte strings). */
public final class StringLib {
    /** Larger results fail with "resulting string too large" before anything is allocated. */
    static final long MAX_STRING = Integer.MAX_VALUE - 16;
    private static final String SPECIALS = "^$*+?.([%-";

    static final LuaTable TEMPLATE = new LibraryBuilder("string")
            .fn("len", new Len())
            .fn("sub", new Sub())
            .fn("byte", StringLib::byteFn)
            .fn("char", StringLib::charFn)
            .fn("upper", (s, a) -> s.chargeString(mapBytes(Args.checkString(s, a, 0), true)))
            .fn("lower", (s, a) -> s.chargeString(mapBytes(Args.checkString(s, a, 0), false)))
            .fn("rep", StringLib::rep)
            .fn("reverse", StringLib::reverse)
            .fn("find", (s, a) -> find(s, a, true))
            .fn("match", (s, a) -> find(s, a, false))
            .fn("gmatch", StringLib::gmatch)
            .fn("gsub", StringLib::gsub)
            .fn("format", StringFormat::format)
            .fn("pack", StringPack::pack)
            .fn("unpack", StringPack::unpack)
            .fn("packsize", StringPack::packsize)
            .build();

    private static final JavaFunction DUMP = new JavaFunction("string.dump", StringLib::dump);

    private StringLib() {}

    /**
     * Gives a state its {@code string} table (copy-on-write) and the string metatable whose {@code __index} is that
     * table; the standalone profile also has {@code string.dump}.
     */
    public static LuaTable install(LuaState s, boolean sandbox) {
        LuaTable t = LuaTable.copyOnWrite(TEMPLATE);
        if (!sandbox) {
            t.putStr(LuaString.of("dump"), DUMP);
        }
        s.globals().putStr(LuaString.of("string"), t);
        LuaTable meta = new LuaTable();
        meta.putStr(MetaNames.INDEX, t);
        addArithmetic(meta);
        s.setStringMetatable(meta);
        return t;
    }

    // ---------------------------------------------------------------- positions

    /** PUC's {@code posrelatI}: a start position (negative counts from the end), clamped to at least 1. */
    static long posrelatStart(long pos, long len) {
        if (pos > 0) {
            return pos;
        }
        if (pos == 0) {
            return 1;
        }
        if (pos < -len) {
            return 1;
        }
        return len + pos + 1;
    }

    /** PUC's {@code getendpos}: an end position clamped to {@code [0, len]}. */
    static long endPos(long pos, long len) {
        if (pos > len) {
            return len;
        }
        if (pos >= 0) {
            return pos;
        }
        if (pos < -len) {
            return 0;
        }
        return len + pos + 1;
    }

    // ---------------------------------------------------------------- simple functions

    /** {@code string.len}; a subclass so the JIT can inline it. */
    private static final class Len extends LuaFunction {
        @Override
        public Object call(LuaState s, Object a) {
            if (a instanceof LuaString str) {
                return (long) str.length();
            }
            return callv(s, new Object[] {a});
        }

        @Override
        public Object callv(LuaState s, Object[] args) {
            return (long) Args.checkString(s, args, 0).length();
        }

        @Override
        public String name() {
            return "string.len";
        }
    }

    /** {@code string.sub(s, i [, j])}. */
    private static final class Sub extends LuaFunction {
        @Override
        public Object call(LuaState s, Object a, Object b) {
            return callv(s, new Object[] {a, b});
        }

        @Override
        public Object call(LuaState s, Object a, Object b, Object c) {
            if (a instanceof LuaString str && b instanceof Long i && (c instanceof Long || c == null)) {
                return s.chargeString(sub(str, i, c == null ? -1 : (Long) c));
            }
            return callv(s, new Object[] {a, b, c});
        }

        @Override
        public Object callv(LuaState s, Object[] args) {
            LuaString str = Args.checkString(s, args, 0);
            long i = Args.checkInteger(s, args, 1);
            long j = Args.optInteger(s, args, 2, -1);
            return s.chargeString(sub(str, i, j));
        }

        private static LuaString sub(LuaString str, long i, long j) {
            long len = str.length();
            long start = posrelatStart(i, len);
            long end = endPos(j, len);
            if (start > end) {
                return LuaString.EMPTY;
            }
            return str.substring((int) start - 1, (int) end);
        }

        @Override
        public String name() {
            return "string.sub";
        }
    }

    private static Object byteFn(LuaState s, Object[] a) {
        LuaString str = Args.checkString(s, a, 0);
        long len = str.length();
        long first = Args.optInteger(s, a, 1, 1);
        long pi = posrelatStart(first, len);
        // the end defaults to the start as given, so string.byte(s, 0) is empty although 0 starts at 1
        long pe = endPos(Args.optInteger(s, a, 2, first), len);
        if (pi > pe) {
            return Multi.EMPTY;
        }
        if (pe - pi >= Integer.MAX_VALUE) {
            throw LuaError.library("string slice too long");
        }
        int n = (int) (pe - pi) + 1;
        Object[] r = new Object[n];
        for (int k = 0; k < n; k++) {
            r[k] = (long) str.byteAt((int) pi - 1 + k);
        }
        return Multi.of(r);
    }

    private static Object charFn(LuaState s, Object[] a) {
        byte[] b = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            long c = Args.checkInteger(s, a, i);
            if (c < 0 || c > 255) {
                throw Args.error(i, "value out of range");
            }
            b[i] = (byte) c;
        }
        return s.chargeString(LuaString.wrap(b));
    }

    private static LuaString mapBytes(LuaString str, boolean upper) {
        byte[] src = str.rawBytes();
        byte[] r = new byte[src.length];
        for (int i = 0; i < src.length; i++) {
            byte c = src[i];
            if (upper && c >= 'a' && c <= 'z') {
                c -= 32;
            } else if (!upper && c >= 'A' && c <= 'Z') {
                c += 32;
            }
            r[i] = c;
        }
        return LuaString.wrap(r);
    }

    private static Object rep(LuaState s, Object[] a) {
        LuaString str = Args.checkString(s, a, 0);
        long n = Args.checkInteger(s, a, 1);
        LuaString sep = Args.optString(s, a, 2, LuaString.EMPTY);
        if (n <= 0) {
            return LuaString.EMPTY;
        }
        long l = str.length();
        long lsep = sep.length();
        if (l + lsep > 0 && (l + lsep) > MAX_STRING / n) {
            throw LuaError.library("resulting string too large");
        }
        long total = n * l + (n - 1) * lsep;
        byte[] r = new byte[(int) total];
        byte[] sb = str.rawBytes();
        byte[] sepb = sep.rawBytes();
        int pos = 0;
        for (long i = 0; i < n; i++) {
            System.arraycopy(sb, 0, r, pos, sb.length);
            pos += sb.length;
            if (i < n - 1 && sepb.length > 0) {
                System.arraycopy(sepb, 0, r, pos, sepb.length);
                pos += sepb.length;
            }
        }
        return s.chargeString(LuaString.wrap(r));
    }

    private static Object reverse(LuaState s, Object[] a) {
        byte[] b = Args.checkString(s, a, 0).toByteArray();
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        return s.chargeString(LuaString.wrap(b));
    }

    private static Object dump(LuaState s, Object[] a) {
        LuaFunction f = Args.checkFunction(s, a, 0);
        byte[] bytes = BinaryChunk.dump(f, Interop.isTruthy(Args.arg(a, 1)));
        if (bytes == null) {
            throw LuaError.library("unable to dump given function");
        }
        return LuaString.wrap(bytes);
    }

    // ---------------------------------------------------------------- find and match

    private static boolean hasSpecials(byte[] p) {
        for (byte c : p) {
            if (SPECIALS.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Object find(LuaState s, Object[] a, boolean find) {
        LuaString str = Args.checkString(s, a, 0);
        LuaString pat = Args.checkString(s, a, 1);
        long ls = str.length();
        long init = posrelatStart(Args.optInteger(s, a, 2, 1), ls) - 1;
        if (init > ls) {
            return null;
        }
        byte[] src = str.rawBytes();
        byte[] p = pat.rawBytes();
        if (find && (Args.optBoolean(a, 3, false) || !hasSpecials(p))) {
            int at = indexOf(src, p, (int) init);
            return at < 0 ? null : Multi.of((long) at + 1, (long) at + p.length);
        }
        LuaPattern m = new LuaPattern(s, src, p);
        boolean anchor = p.length > 0 && p[0] == '^';
        int pstart = anchor ? 1 : 0;
        int si = (int) init;
        do {
            int e = m.match(si, pstart);
            if (e != -1) {
                if (find) {
                    Object[] r = new Object[2 + m.captureCount(false)];
                    r[0] = (long) si + 1;
                    r[1] = (long) e;
                    for (int i = 0; i < m.level; i++) {
                        r[2 + i] = m.capture(i, si, e);
                    }
                    return Multi.of(r);
                }
                return captures(m, si, e);
            }
            si++;
        } while (si <= src.length && !anchor);
        return null;
    }

    private static Object captures(LuaPattern m, int s, int e) {
        int n = m.captureCount(true);
        if (n == 1) {
            return m.capture(0, s, e);
        }
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) {
            r[i] = m.capture(i, s, e);
        }
        return Multi.of(r);
    }

    private static int indexOf(byte[] src, byte[] p, int from) {
        if (p.length == 0) {
            return from;
        }
        outer:
        for (int i = from; i <= src.length - p.length; i++) {
            for (int k = 0; k < p.length; k++) {
                if (src[i + k] != p[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Object gmatch(LuaState s, Object[] a) {
        LuaString str = Args.checkString(s, a, 0);
        LuaString pat = Args.checkString(s, a, 1);
        long ls = str.length();
        long init = posrelatStart(Args.optInteger(s, a, 2, 1), ls) - 1;
        byte[] src = str.rawBytes();
        byte[] p = pat.rawBytes();
        int[] state = {init > ls ? src.length + 1 : (int) init, -1};
        // PUC's iterator is a C closure over the subject, the pattern and the match state
        return new JavaFunction("gmatch iterator", 3, (st, ignored) -> {
            LuaPattern m = new LuaPattern(st, src, p);
            for (int si = state[0]; si <= src.length; si++) {
                int e = m.match(si, 0);
                if (e != -1 && e != state[1]) {
                    state[0] = e;
                    state[1] = e;
                    return captures(m, si, e);
                }
            }
            state[0] = src.length + 1;
            return Multi.EMPTY;
        });
    }

    private static Object gsub(LuaState s, Object[] a) {
        LuaString str = Args.checkString(s, a, 0);
        LuaString pat = Args.checkString(s, a, 1);
        Object repl = Args.arg(a, 2);
        if (!(repl instanceof LuaString || repl instanceof Long || repl instanceof Double
                || repl instanceof LuaTable || repl instanceof LuaFunction)) {
            throw Args.typeError(s, a, 2, "string/function/table");
        }
        byte[] src = str.rawBytes();
        byte[] p = pat.rawBytes();
        long maxN = Args.optInteger(s, a, 3, (long) src.length + 1);
        boolean anchor = p.length > 0 && p[0] == '^';
        int pstart = anchor ? 1 : 0;
        LuaPattern m = new LuaPattern(s, src, p);
        ByteArrayOutputStream out = new ByteArrayOutputStream(src.length);
        int si = 0;
        int lastMatch = -1;
        long n = 0;
        boolean changed = false;
        while (n < maxN) {
            int e = m.match(si, pstart);
            if (e != -1 && e != lastMatch) {
                n++;
                changed |= addValue(s, out, m, src, si, e, repl);
                si = e;
                lastMatch = e;
            } else if (si < src.length) {
                out.write(src[si++]);
            } else {
                break;
            }
            if (anchor) {
                break;
            }
        }
        if (si < src.length) {
            out.write(src, si, src.length - si);
        }
        // like PUC, an unchanged subject is returned as it is (the same string for %p)
        return Multi.of(changed ? s.chargeString(LuaString.wrap(out.toByteArray())) : str, n);
    }

    /** Appends the replacement of one match; returns false when the match is kept as it is. */
    private static boolean addValue(LuaState s, ByteArrayOutputStream out, LuaPattern m, byte[] src, int si, int e,
                                 Object repl) {
        Object value;
        if (repl instanceof LuaString || repl instanceof Long || repl instanceof Double) {
            addString(out, m, src, si, e, Interop.toStringCoerced(repl).rawBytes());
            return true;
        }
        Object key = m.capture(0, si, e);
        if (repl instanceof LuaTable t) {
            value = Coroutine.withoutYields(s, () -> Interop.index(s, t, key));
        } else {
            int n = m.captureCount(true);
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                args[i] = m.capture(i, si, e);
            }
            value = Coroutine.withoutYields(s, () -> Interop.call1(s, repl, args));
        }
        if (value == null || value == Boolean.FALSE) {
            out.write(src, si, e - si);
            return false;
        } else if (value instanceof LuaString || value instanceof Long || value instanceof Double) {
            out.writeBytes(Interop.toStringCoerced(value).rawBytes());
            return true;
        } else {
            throw LuaError.library("invalid replacement value (a " + Interop.typeName(value) + ")");
        }
    }

    private static void addString(ByteArrayOutputStream out, LuaPattern m, byte[] src, int si, int e, byte[] r) {
        for (int i = 0; i < r.length; i++) {
            byte c = r[i];
            if (c != '%') {
                out.write(c);
                continue;
            }
            i++;
            if (i >= r.length) {
                throw LuaError.library("invalid use of '%' in replacement string");
            }
            byte d = r[i];
            if (d == '%') {
                out.write('%');
            } else if (d >= '0' && d <= '9') {
                Object cap = d == '0' ? LuaString.copyOf(src, si, e) : m.capture(d - '1', si, e);
                out.writeBytes(Interop.toStringCoerced(cap).rawBytes());
            } else {
                throw LuaError.library("invalid use of '%' in replacement string");
            }
        }
    }

    // ---------------------------------------------------------------- string arithmetic

    private static void addArithmetic(LuaTable meta) {
        String[] names = {"add", "sub", "mul", "mod", "pow", "div", "idiv", "unm"};
        int[] ops = {Arith.ADD, Arith.SUB, Arith.MUL, Arith.MOD, Arith.POW, Arith.DIV, Arith.IDIV, Arith.UNM};
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            int op = ops[i];
            LuaString event = LuaString.of("__" + name);
            meta.putStr(event, new JavaFunction(name, (s, a) -> {
                Object x = LuaNumbers.toNumber(Args.arg(a, 0));
                Object y = LuaNumbers.toNumber(Args.arg(a, 1));
                if (x != null && y != null) {
                    return Arith.arith(s, op, x, y);
                }
                Object second = Args.arg(a, 1);
                Object handler = second instanceof LuaString ? null : Interop.metamethod(s, second, event);
                if (handler == null) {
                    throw LuaError.library("attempt to " + name + " a '" + Interop.typeName(Args.arg(a, 0))
                            + "' with a '" + Interop.typeName(second) + "'");
                }
                return Interop.call1(s, handler, a[0], second);
            }));
        }
    }
}
