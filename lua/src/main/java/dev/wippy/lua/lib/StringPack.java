package dev.wippy.lua.lib;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.Multi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code string.pack}, {@code unpack} and {@code packsize} with PUC's formats, alignment rules and errors. */
final class StringPack {
    private static final int MAX_INT_SIZE = 16;
    private static final int NATIVE_ALIGN = 8;

    private enum Kind { INT, UINT, FLOAT, NUMBER, DOUBLE, CHAR, STRING, ZSTR, PADDING, PADALIGN, NOP }

    private StringPack() {}

    /** Parsing state of a format string. */
    private static final class Format {
        final byte[] fmt;
        int pos;
        boolean little = true;
        int maxAlign = 1;
        int size;
        int toAlign;

        Format(byte[] fmt) {
            this.fmt = fmt;
        }

        boolean more() {
            return pos < fmt.length;
        }

        private int getNum(int df) {
            if (pos >= fmt.length || !Character.isDigit(fmt[pos])) {
                return df;
            }
            int a = 0;
            while (pos < fmt.length && Character.isDigit(fmt[pos]) && a <= (Integer.MAX_VALUE - 9) / 10) {
                a = a * 10 + (fmt[pos++] - '0');
            }
            return a;
        }

        private int getNumLimit(int df) {
            int sz = getNum(df);
            if (sz > MAX_INT_SIZE || sz <= 0) {
                throw LuaError.library("integral size (" + sz + ") out of limits [1," + MAX_INT_SIZE + "]");
            }
            return sz;
        }

        private Kind option() {
            int opt = fmt[pos++] & 0xff;
            size = 0;
            switch (opt) {
                case 'b' -> {
                    size = 1;
                    return Kind.INT;
                }
                case 'B' -> {
                    size = 1;
                    return Kind.UINT;
                }
                case 'h' -> {
                    size = 2;
                    return Kind.INT;
                }
                case 'H' -> {
                    size = 2;
                    return Kind.UINT;
                }
                case 'l', 'j' -> {
                    size = 8;
                    return Kind.INT;
                }
                case 'L', 'J', 'T' -> {
                    size = 8;
                    return Kind.UINT;
                }
                case 'f' -> {
                    size = 4;
                    return Kind.FLOAT;
                }
                case 'n' -> {
                    size = 8;
                    return Kind.NUMBER;
                }
                case 'd' -> {
                    size = 8;
                    return Kind.DOUBLE;
                }
                case 'i' -> {
                    size = getNumLimit(4);
                    return Kind.INT;
                }
                case 'I' -> {
                    size = getNumLimit(4);
                    return Kind.UINT;
                }
                case 's' -> {
                    size = getNumLimit(8);
                    return Kind.STRING;
                }
                case 'c' -> {
                    size = getNum(-1);
                    if (size == -1) {
                        throw LuaError.library("missing size for format option 'c'");
                    }
                    return Kind.CHAR;
                }
                case 'z' -> {
                    return Kind.ZSTR;
                }
                case 'x' -> {
                    size = 1;
                    return Kind.PADDING;
                }
                case 'X' -> {
                    return Kind.PADALIGN;
                }
                case ' ' -> {
                    return Kind.NOP;
                }
                case '<', '=' -> {
                    little = true;
                    return Kind.NOP;
                }
                case '>' -> {
                    little = false;
                    return Kind.NOP;
                }
                case '!' -> {
                    maxAlign = getNumLimit(NATIVE_ALIGN);
                    return Kind.NOP;
                }
                default -> throw LuaError.library("invalid format option '" + (char) opt + "'");
            }
        }

        /** The next option, with {@link #size} and the padding {@link #toAlign} needed at {@code total}. */
        Kind details(long total) {
            Kind k = option();
            int align = size;
            if (k == Kind.PADALIGN) {
                if (pos >= fmt.length) {
                    throw Args.error(0, "invalid next option for option 'X'");
                }
                int saved = size;
                Kind next = option();
                align = size;
                size = saved;
                if (next == Kind.CHAR || align == 0) {
                    throw Args.error(0, "invalid next option for option 'X'");
                }
            }
            if (align <= 1 || k == Kind.CHAR) {
                toAlign = 0;
            } else {
                if (align > maxAlign) {
                    align = maxAlign;
                }
                if ((align & (align - 1)) != 0) {
                    throw Args.error(0, "format asks for alignment not power of 2");
                }
                toAlign = (int) ((align - (total & (align - 1))) & (align - 1));
            }
            return k;
        }
    }

    static LuaString pack(LuaState s, Object[] a) {
        Format f = new Format(Args.checkString(s, a, 0).rawBytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int arg = 0;
        long total = 0;
        while (f.more()) {
            Kind k = f.details(total);
            total += f.toAlign + f.size;
            for (int i = 0; i < f.toAlign; i++) {
                out.write(0);
            }
            arg++;
            if (arg >= a.length) {
                // PUC's pack keeps a nil and its buffer above the arguments: a missing value is "got nil"
                a = Arrays.copyOf(a, arg + 1);
            }
            switch (k) {
                case INT -> {
                    long n = Args.checkInteger(s, a, arg);
                    if (f.size < 8) {
                        long lim = 1L << (f.size * 8 - 1);
                        if (!(-lim <= n && n < lim)) {
                            throw Args.error(arg, "integer overflow");
                        }
                    }
                    packInt(out, n, f.little, f.size, n < 0);
                }
                case UINT -> {
                    long n = Args.checkInteger(s, a, arg);
                    if (f.size < 8 && Long.compareUnsigned(n, 1L << (f.size * 8)) >= 0) {
                        throw Args.error(arg, "unsigned overflow");
                    }
                    packInt(out, n, f.little, f.size, false);
                }
                case FLOAT -> packInt(out, Float.floatToRawIntBits((float) Args.checkDouble(s, a, arg)) & 0xffffffffL,
                        f.little, 4, false);
                case NUMBER, DOUBLE -> packInt(out, Double.doubleToRawLongBits(Args.checkDouble(s, a, arg)), f.little,
                        8, false);
                case CHAR -> {
                    byte[] str = Args.checkString(s, a, arg).rawBytes();
                    if (str.length > f.size) {
                        throw Args.error(arg, "string longer than given size");
                    }
                    if (total > StringLib.MAX_STRING) {
                        throw Args.error(0, "format result too large");
                    }
                    out.writeBytes(str);
                    // at once: a size of a billion bytes written one by one took seconds no budget hook could stop
                    out.writeBytes(new byte[f.size - str.length]);
                }
                case STRING -> {
                    byte[] str = Args.checkString(s, a, arg).rawBytes();
                    if (f.size < 8 && str.length >= (1L << (f.size * 8))) {
                        throw Args.error(arg, "string length does not fit in given size");
                    }
                    packInt(out, str.length, f.little, f.size, false);
                    out.writeBytes(str);
                    total += str.length;
                }
                case ZSTR -> {
                    byte[] str = Args.checkString(s, a, arg).rawBytes();
                    for (byte c : str) {
                        if (c == 0) {
                            throw Args.error(arg, "string contains zeros");
                        }
                    }
                    out.writeBytes(str);
                    out.write(0);
                    total += str.length + 1;
                }
                case PADDING -> {
                    out.write(0);
                    arg--;
                }
                default -> arg--;
            }
        }
        return LuaString.wrap(out.toByteArray());
    }

    private static void packInt(ByteArrayOutputStream out, long v, boolean little, int size, boolean negative) {
        byte[] buf = new byte[size];
        for (int i = 0; i < size; i++) {
            byte b = i < 8 ? (byte) (v >>> (8 * i)) : (byte) (negative ? 0xff : 0);
            buf[little ? i : size - 1 - i] = b;
        }
        out.writeBytes(buf);
    }

    static Object unpack(LuaState s, Object[] a) {
        Format f = new Format(Args.checkString(s, a, 0).rawBytes());
        byte[] data = Args.checkString(s, a, 1).rawBytes();
        int ld = data.length;
        long init = Args.optInteger(s, a, 2, 1);
        long pos = StringLib.posrelatStart(init, ld) - 1;
        if (pos > ld) {
            throw Args.error(2, "initial position out of string");
        }
        List<Object> results = new ArrayList<>();
        while (f.more()) {
            Kind k = f.details(pos);
            if ((long) f.toAlign + f.size > ld - pos) {
                throw Args.error(1, "data string too short");
            }
            pos += f.toAlign;
            int p = (int) pos;
            switch (k) {
                case INT, UINT -> results.add(unpackInt(data, p, f.little, f.size, k == Kind.INT));
                case FLOAT -> results.add((double) Float.intBitsToFloat((int) unpackInt(data, p, f.little, 4, false)));
                case NUMBER, DOUBLE -> results.add(Double.longBitsToDouble(unpackInt(data, p, f.little, 8, false)));
                case CHAR -> results.add(LuaString.copyOf(data, p, p + f.size));
                case STRING -> {
                    long len = unpackInt(data, p, f.little, f.size, false);
                    if (Long.compareUnsigned(len, ld - pos - f.size) > 0) {
                        throw Args.error(1, "data string too short");
                    }
                    results.add(LuaString.copyOf(data, p + f.size, p + f.size + (int) len));
                    pos += len;
                }
                case ZSTR -> {
                    int end = p;
                    while (end < ld && data[end] != 0) {
                        end++;
                    }
                    if (end >= ld) {
                        throw Args.error(1, "unfinished string for format 'z'");
                    }
                    results.add(LuaString.copyOf(data, p, end));
                    pos += end - p + 1;
                }
                default -> {
                }
            }
            pos += f.size;
        }
        results.add(pos + 1);
        return Multi.of(results.toArray());
    }

    private static long unpackInt(byte[] data, int p, boolean little, int size, boolean signed) {
        long res = 0;
        int limit = Math.min(size, 8);
        for (int i = limit - 1; i >= 0; i--) {
            res <<= 8;
            res |= data[p + (little ? i : size - 1 - i)] & 0xff;
        }
        if (size < 8) {
            if (signed) {
                long mask = 1L << (size * 8 - 1);
                res = (res ^ mask) - mask;
            }
        } else if (size > 8) {
            int mask = !signed || res >= 0 ? 0 : 0xff;
            for (int i = limit; i < size; i++) {
                if ((data[p + (little ? i : size - 1 - i)] & 0xff) != mask) {
                    throw LuaError.library(size + "-byte integer does not fit into Lua Integer");
                }
            }
        }
        return res;
    }

    static long packsize(LuaState s, Object[] a) {
        Format f = new Format(Args.checkString(s, a, 0).rawBytes());
        long total = 0;
        while (f.more()) {
            Kind k = f.details(total);
            if (k == Kind.STRING || k == Kind.ZSTR) {
                throw Args.error(0, "variable-length format");
            }
            long size = f.size + f.toAlign;
            if (total > Integer.MAX_VALUE - size) {
                throw Args.error(0, "format result too large");
            }
            total += size;
        }
        return total;
    }
}
