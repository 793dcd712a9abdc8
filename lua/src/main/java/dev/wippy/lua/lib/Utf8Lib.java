package dev.wippy.lua.lib;

import dev.wippy.lua.syntax.ExtendedUtf8;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** The {@code utf8} library (Lua 5.4, including the {@code lax} mode and extended sequences up to 2^31). */
public final class Utf8Lib {
    private static final long MAX_UNICODE = 0x10FFFF;
    private static final long MAX_UTF = 0x7FFFFFFF;
    private static final String INVALID = "invalid UTF-8 code";

    private static final JavaFunction CODES_STRICT = new JavaFunction("for iterator", (s, a) -> iterate(s, a, true));
    private static final JavaFunction CODES_LAX = new JavaFunction("for iterator", (s, a) -> iterate(s, a, false));

    static final LuaTable TEMPLATE = new LibraryBuilder("utf8")
            .fn("char", Utf8Lib::charFn)
            .fn("codepoint", Utf8Lib::codepoint)
            .fn("len", Utf8Lib::len)
            .fn("offset", Utf8Lib::offset)
            .fn("codes", Utf8Lib::codes)
            .value("charpattern", LuaString.ofLatin1("[\0-\u007F\u00C2-\u00FD][\u0080-\u00BF]*"))
            .build();

    private Utf8Lib() {}

    public static LuaTable install(LuaState s) {
        LuaTable t = LuaTable.copyOnWrite(TEMPLATE);
        s.globals().putStr(LuaString.of("utf8"), t);
        return t;
    }

    /** The byte at {@code i}, or 0 past the end (PUC strings end with a zero byte). */
    private static int at(byte[] b, long i) {
        return i < b.length ? b[(int) i] & 0xff : 0;
    }

    private static boolean isCont(byte[] b, long i) {
        return (at(b, i) & 0xC0) == 0x80;
    }

    private static long posrelat(long pos, long len) {
        if (pos >= 0) {
            return pos;
        }
        if (-pos > len) {
            return 0;
        }
        return len + pos + 1;
    }

    /** Decodes one sequence at {@code i}: {next index, code point}, or null when invalid. */
    private static long[] decode(byte[] b, long i, boolean strict) {
        // a lone continuation byte decodes with count 0 and must fall below limits[0] (PUC's unsigned ~0)
        long[] limits = {Long.MAX_VALUE, 0x80, 0x800, 0x10000, 0x200000, 0x4000000};
        int c = at(b, i);
        long res;
        int count = 0;
        if (c < 0x80) {
            res = c;
        } else {
            res = 0;
            for (; (c & 0x40) != 0; c <<= 1) {
                int cc = at(b, i + ++count);
                if ((cc & 0xC0) != 0x80) {
                    return null;
                }
                res = (res << 6) | (cc & 0x3F);
            }
            res |= (long) (c & 0x7F) << (count * 5);
            if (count > 5 || res > MAX_UTF || res < limits[count]) {
                return null;
            }
        }
        if (strict && (res > MAX_UNICODE || (0xD800 <= res && res <= 0xDFFF))) {
            return null;
        }
        return new long[] {i + count + 1, res};
    }

    private static Object len(LuaState s, Object[] a) {
        byte[] b = Args.checkString(s, a, 0).rawBytes();
        long len = b.length;
        long posi = posrelat(Args.optInteger(s, a, 1, 1), len);
        long posj = posrelat(Args.optInteger(s, a, 2, -1), len);
        boolean lax = Args.optBoolean(a, 3, false);
        if (!(1 <= posi && --posi <= len)) {
            throw Args.error(1, "initial position out of bounds");
        }
        if (!(--posj < len)) {
            throw Args.error(2, "final position out of bounds");
        }
        long n = 0;
        while (posi <= posj) {
            long[] d = decode(b, posi, !lax);
            if (d == null) {
                return Multi.of(null, posi + 1);
            }
            posi = d[0];
            n++;
        }
        return n;
    }

    private static Object codepoint(LuaState s, Object[] a) {
        byte[] b = Args.checkString(s, a, 0).rawBytes();
        long len = b.length;
        long posi = posrelat(Args.optInteger(s, a, 1, 1), len);
        long pose = posrelat(Args.optInteger(s, a, 2, posi), len);
        boolean lax = Args.optBoolean(a, 3, false);
        if (posi < 1) {
            throw Args.error(1, "out of bounds");
        }
        if (pose > len) {
            throw Args.error(2, "out of bounds");
        }
        if (posi > pose) {
            return Multi.EMPTY;
        }
        if (pose - posi >= Integer.MAX_VALUE) {
            throw LuaError.library("string slice too long");
        }
        List<Object> codes = new ArrayList<>();
        for (long i = posi - 1; i < pose;) {
            long[] d = decode(b, i, !lax);
            if (d == null) {
                throw LuaError.library(INVALID);
            }
            codes.add(d[1]);
            i = d[0];
        }
        return Multi.of(codes.toArray());
    }

    private static Object charFn(LuaState s, Object[] a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < a.length; i++) {
            long code = Args.checkInteger(s, a, i);
            if (Long.compareUnsigned(code, MAX_UTF) > 0) {
                throw Args.error(i, "value out of range");
            }
            ExtendedUtf8.encode(out, code);
        }
        return LuaString.wrap(out.toByteArray());
    }

    private static Object offset(LuaState s, Object[] a) {
        byte[] b = Args.checkString(s, a, 0).rawBytes();
        long len = b.length;
        long n = Args.checkInteger(s, a, 1);
        long posi = n >= 0 ? 1 : len + 1;
        posi = posrelat(Args.optInteger(s, a, 2, posi), len);
        if (!(1 <= posi && --posi <= len)) {
            throw Args.error(2, "position out of bounds");
        }
        if (n == 0) {
            while (posi > 0 && isCont(b, posi)) {
                posi--;
            }
        } else {
            if (isCont(b, posi)) {
                throw LuaError.library("initial position is a continuation byte");
            }
            if (n < 0) {
                while (n < 0 && posi > 0) {
                    do {
                        posi--;
                    } while (posi > 0 && isCont(b, posi));
                    n++;
                }
            } else {
                n--;
                while (n > 0 && posi < len) {
                    do {
                        posi++;
                    } while (isCont(b, posi));
                    n--;
                }
            }
        }
        return n == 0 ? (Object) (posi + 1) : null;
    }

    private static Object codes(LuaState s, Object[] a) {
        boolean lax = Args.optBoolean(a, 1, false);
        byte[] b = Args.checkString(s, a, 0).rawBytes();
        if (isCont(b, 0)) {
            throw Args.error(0, INVALID);
        }
        return Multi.of(lax ? CODES_LAX : CODES_STRICT, a[0], 0L);
    }

    private static Object iterate(LuaState s, Object[] a, boolean strict) {
        byte[] b = Args.checkString(s, a, 0).rawBytes();
        long len = b.length;
        long n = a.length > 1 && a[1] instanceof Long l ? l : 0;
        if (Long.compareUnsigned(n, len) < 0) {
            while (isCont(b, n)) {
                n++;
            }
        }
        if (Long.compareUnsigned(n, len) >= 0) {
            return Multi.EMPTY;
        }
        long[] d = decode(b, n, strict);
        if (d == null || isCont(b, d[0])) {
            throw LuaError.library(INVALID);
        }
        return Multi.of(n + 1, d[1]);
    }
}
