package dev.wippy.lua.lib;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.Coroutine;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;

import java.io.ByteArrayOutputStream;

/**
 * The {@code table} library with PUC 5.4's semantics: element access honours {@code __index}/{@code __newindex}
 * and lengths honour {@code __len}; {@code sort} is PUC's quicksort, so ties end up in the same order.
 */
public final class TableLib {
    private static final int READ = 1;
    private static final int WRITE = 2;
    private static final int LENGTH = 4;

    static final LuaTable TEMPLATE = new LibraryBuilder("table")
            .fn("insert", TableLib::insert)
            .fn("remove", TableLib::remove)
            .fn("concat", TableLib::concat)
            .fn("pack", (s, a) -> {
                LuaTable t = new LuaTable(a.length, 1, s);
                for (int i = 0; i < a.length; i++) {
                    t.setListItem(i + 1, a[i]);
                }
                t.putStr(LuaString.of("n"), (long) a.length);
                return t;
            })
            .fn("unpack", TableLib::unpack)
            .fn("move", TableLib::move)
            .fn("sort", TableLib::sort)
            .build();

    /** The sandbox adds {@code table.create} (spec 06 §1.5). */
    static final LuaTable SANDBOX_TEMPLATE = sandboxTemplate();

    private TableLib() {}

    public static LuaTable install(LuaState s, boolean sandbox) {
        LuaTable t = LuaTable.copyOnWrite(sandbox ? SANDBOX_TEMPLATE : TEMPLATE);
        s.globals().putStr(LuaString.of("table"), t);
        return t;
    }

    private static LuaTable sandboxTemplate() {
        LuaTable t = LuaTable.copyOnWrite(TEMPLATE);
        t.putStr(LuaString.of("create"), new dev.wippy.lua.vm.JavaFunction("table.create", (s, a) ->
                new LuaTable(Args.checkIntClamped(s, a, 0), Args.isNoneOrNil(a, 1) ? 0
                        : Args.checkIntClamped(s, a, 1), s)));
        return t;
    }

    /** The unpack function, also installed as the sandbox's global {@code unpack}. */
    static LuaFunction unpackFunction() {
        return (LuaFunction) TEMPLATE.getStr(LuaString.of("unpack"));
    }

    // ---------------------------------------------------------------- access

    /** PUC's {@code checktab}: a table, or a value whose metatable provides what the operation needs. */
    private static Object checkTable(LuaState s, Object[] a, int i, int what) {
        Object v = Args.arg(a, i);
        if (v instanceof LuaTable) {
            return v;
        }
        LuaTable mt = Interop.getMetatable(s, v);
        if (mt != null && ((what & READ) == 0 || mt.getStr(MetaNames.INDEX) != null)
                && ((what & WRITE) == 0 || mt.getStr(MetaNames.NEWINDEX) != null)
                && ((what & LENGTH) == 0 || mt.getStr(MetaNames.LEN) != null)) {
            return v;
        }
        throw Args.typeError(s, a, i, "table");
    }

    private static long length(LuaState s, Object t) {
        if (t instanceof LuaTable tab && tab.getMetatable() == null) {
            return tab.length();
        }
        Object n = Interop.len(s, t);
        Long l = LuaNumbers.toInteger(n);
        if (l == null || !(n instanceof Long || n instanceof Double)) {
            throw LuaError.library("object length is not an integer");
        }
        return l;
    }

    private static Object get(LuaState s, Object t, long i) {
        if (t instanceof LuaTable tab && tab.getMetatable() == null) {
            return tab.getInt(i);
        }
        return Interop.index(s, t, i);
    }

    private static void set(LuaState s, Object t, long i, Object v) {
        if (t instanceof LuaTable tab && tab.getMetatable() == null) {
            tab.putInt(i, v);
        } else {
            Interop.setIndex(s, t, i, v);
        }
    }

    // ---------------------------------------------------------------- functions

    private static Object insert(LuaState s, Object[] a) {
        Object t = checkTable(s, a, 0, READ | WRITE | LENGTH);
        long e = length(s, t) + 1;
        long pos;
        switch (a.length) {
            case 2 -> pos = e;
            case 3 -> {
                pos = Args.checkInteger(s, a, 1);
                if (Long.compareUnsigned(pos - 1, e) >= 0) {
                    throw Args.error(1, "position out of bounds");
                }
                for (long i = e; i > pos; i--) {
                    set(s, t, i, get(s, t, i - 1));
                }
            }
            default -> throw LuaError.library("wrong number of arguments to 'insert'");
        }
        set(s, t, pos, a[a.length - 1]);
        return Multi.EMPTY;
    }

    private static Object remove(LuaState s, Object[] a) {
        Object t = checkTable(s, a, 0, READ | WRITE | LENGTH);
        long size = length(s, t);
        long pos = Args.optInteger(s, a, 1, size);
        if (a.length > 1 && pos != size && Long.compareUnsigned(pos - 1, size) > 0) {
            // 5.4.4 blames argument #1 here (later releases say #2); the reference is 5.4.4
            throw Args.error(0, "position out of bounds");
        }
        Object removed = get(s, t, pos);
        for (; pos < size; pos++) {
            set(s, t, pos, get(s, t, pos + 1));
        }
        set(s, t, pos, null);
        return removed;
    }

    private static Object concat(LuaState s, Object[] a) {
        Object t = checkTable(s, a, 0, READ | LENGTH);
        long last = length(s, t);
        LuaString sep = Args.optString(s, a, 1, LuaString.EMPTY);
        long i = Args.optInteger(s, a, 2, 1);
        last = Args.optInteger(s, a, 3, last);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (; i < last; i++) {
            addField(s, out, t, i);
            out.writeBytes(sep.rawBytes());
        }
        if (i == last) {
            addField(s, out, t, i);
        }
        return s.chargeString(LuaString.wrap(out.toByteArray()));
    }

    private static void addField(LuaState s, ByteArrayOutputStream out, Object t, long i) {
        Object value = get(s, t, i);
        LuaString v = Interop.toStringCoerced(value);
        if (v == null) {
            throw LuaError.library("invalid value (" + Interop.typeName(value) + ") at index " + i
                    + " in table for 'concat'");
        }
        out.writeBytes(v.rawBytes());
    }

    private static Object unpack(LuaState s, Object[] a) {
        Object t = Args.arg(a, 0);
        long i = Args.optInteger(s, a, 1, 1);
        long e = Args.isNoneOrNil(a, 2) ? length(s, t) : Args.checkInteger(s, a, 2);
        if (i > e) {
            return Multi.EMPTY;
        }
        long n = e - i;
        // PUC's values must fit in its stack of LUAI_MAXSTACK (1,000,000) slots
        if (n < 0 || n >= 1_000_000) {
            throw LuaError.library("too many results to unpack");
        }
        Object[] r = new Object[(int) n + 1];
        for (int k = 0; k <= n; k++) {
            r[k] = get(s, t, i + k);
        }
        return Multi.of(r);
    }

    private static Object move(LuaState s, Object[] a) {
        long f = Args.checkInteger(s, a, 1);
        long e = Args.checkInteger(s, a, 2);
        long t = Args.checkInteger(s, a, 3);
        int tt = Args.isNoneOrNil(a, 4) ? 0 : 4;
        Object src = checkTable(s, a, 0, READ);
        Object dst = checkTable(s, a, tt, WRITE);
        if (e >= f) {
            if (!(f > 0 || e < Long.MAX_VALUE + f)) {
                throw Args.error(2, "too many elements to move");
            }
            long n = e - f + 1;
            if (t > Long.MAX_VALUE - n + 1) {
                throw Args.error(3, "destination wrap around");
            }
            if (t > e || t <= f || (tt != 0 && !Interop.equals(s, src, dst))) {
                for (long i = 0; i < n; i++) {
                    set(s, dst, t + i, get(s, src, f + i));
                }
            } else {
                for (long i = n - 1; i >= 0; i--) {
                    set(s, dst, t + i, get(s, src, f + i));
                }
            }
        }
        return dst;
    }

    // ---------------------------------------------------------------- sort

    private static Object sort(LuaState s, Object[] a) {
        Object t = checkTable(s, a, 0, READ | WRITE | LENGTH);
        long n = length(s, t);
        if (n > 1) {
            if (n >= Integer.MAX_VALUE) {
                throw Args.error(0, "array too big");
            }
            Object comp = Args.arg(a, 1);
            if (comp != null && !(comp instanceof LuaFunction)) {
                throw Args.typeError(s, a, 1, "function");
            }
            Sorter sorter = new Sorter(s, t, (LuaFunction) comp);
            Coroutine.withoutYields(s, () -> {
                sorter.sort(1, (int) n, 0);
                return null;
            });
        }
        return Multi.EMPTY;
    }

    /** PUC's {@code auxsort}: median-of-three quicksort, recursing into the smaller half. */
    private static final class Sorter {
        private static final int RANLIMIT = 100;
        private final LuaState s;
        private final Object t;
        private final LuaFunction comp;
        private int seed = 0x2545F491;

        Sorter(LuaState s, Object t, LuaFunction comp) {
            this.s = s;
            this.t = t;
            this.comp = comp;
        }

        private Object a(int i) {
            return get(s, t, i);
        }

        private void set2(int i, Object vi, int j, Object vj) {
            set(s, t, i, vi);
            set(s, t, j, vj);
        }

        private boolean less(Object x, Object y) {
            if (comp == null) {
                return Interop.lessThan(s, x, y);
            }
            return Interop.isTruthy(Interop.call1(s, comp, x, y));
        }

        void sort(int lo, int up, int rnd) {
            while (lo < up) {
                Object vlo = a(lo);
                Object vup = a(up);
                if (less(vup, vlo)) {
                    set2(lo, vup, up, vlo);
                }
                if (up - lo == 1) {
                    break;
                }
                int p = up - lo < RANLIMIT || rnd == 0 ? (lo + up) >>> 1 : choosePivot(lo, up, rnd);
                Object vp = a(p);
                vlo = a(lo);
                if (less(vp, vlo)) {
                    set2(p, vlo, lo, vp);
                } else {
                    vup = a(up);
                    if (less(vup, vp)) {
                        set2(p, vup, up, vp);
                    }
                }
                if (up - lo == 2) {
                    break;
                }
                Object pivot = a(p);
                set2(p, a(up - 1), up - 1, pivot);
                p = partition(lo, up, pivot);
                int n;
                if (p - lo < up - p) {
                    sort(lo, p - 1, rnd);
                    n = p - lo;
                    lo = p + 1;
                } else {
                    sort(p + 1, up, rnd);
                    n = up - p;
                    up = p - 1;
                }
                if ((up - lo) / 128 > n) {
                    rnd = nextRandom();
                }
            }
        }

        private int partition(int lo, int up, Object pivot) {
            int i = lo;
            int j = up - 1;
            while (true) {
                Object vi;
                while (less(vi = a(++i), pivot)) {
                    if (i == up - 1) {
                        throw LuaError.library("invalid order function for sorting");
                    }
                }
                Object vj;
                while (less(pivot, vj = a(--j))) {
                    if (j < i) {
                        throw LuaError.library("invalid order function for sorting");
                    }
                }
                if (j < i) {
                    set2(up - 1, vi, i, a(up - 1));
                    return i;
                }
                set2(i, vj, j, vi);
            }
        }

        private static int choosePivot(int lo, int up, int rnd) {
            int r4 = (up - lo) / 4;
            return Integer.remainderUnsigned(rnd, r4 * 2) + lo + r4;
        }

        /** A fixed pseudo-random sequence: PUC uses the clock, but sorting must stay deterministic here. */
        private int nextRandom() {
            seed ^= seed << 13;
            seed ^= seed >>> 17;
            seed ^= seed << 5;
            return seed;
        }
    }
}
