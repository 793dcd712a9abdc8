package dev.wippy.lua.lib;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code string.format} with C {@code printf} semantics as PUC Lua 5.4 validates and applies them (not
 * {@code java.util.Formatter}): flags {@code -+ #0} per conversion, width and precision of at most two digits,
 * exact decimal rounding of floats, {@code %a} like glibc, {@code %q} for Lua literals.
 */
final class StringFormat {
    private static final String FLAGS_INT = "-+0 ";
    private static final String FLAGS_UINT = "-0";
    private static final String FLAGS_HEX = "-#0";
    private static final String FLAGS_FLOAT = "-+ #0";
    private static final String FLAGS_CHAR = "-";

    private StringFormat() {}

    /** A parsed conversion specification. */
    private record Spec(String text, boolean left, boolean plus, boolean space, boolean alt, boolean zero, int width,
                        int precision, char conversion) {}

    static LuaString format(LuaState s, Object[] a) {
        byte[] fmt = Args.checkString(s, a, 0).rawBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(fmt.length + 16);
        int arg = 0;
        int i = 0;
        while (i < fmt.length) {
            byte c = fmt[i++];
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (i < fmt.length && fmt[i] == '%') {
                out.write('%');
                i++;
                continue;
            }
            int start = i;
            while (i < fmt.length && "-+ #0123456789.".indexOf(fmt[i]) >= 0) {
                i++;
            }
            int len = i - start + 1;
            if (len >= 22) {
                throw LuaError.library("invalid format (too long)");
            }
            String text = "%" + new String(fmt, start, Math.min(len, fmt.length - start), StandardCharsets.ISO_8859_1);
            arg++;
            if (arg >= a.length) {
                throw Args.error(arg, "no value");
            }
            char conv = i < fmt.length ? (char) (fmt[i++] & 0xff) : '\0';
            write(s, out, a, arg, text, conv);
        }
        return s.chargeString(LuaString.wrap(out.toByteArray()));
    }

    private static void write(LuaState s, ByteArrayOutputStream out, Object[] a, int arg, String text, char conv) {
        switch (conv) {
            case 'c' -> {
                Spec spec = parse(text, FLAGS_CHAR, false);
                byte[] ch = {(byte) Args.checkInteger(s, a, arg)};
                writePadded(out, spec, ch);
            }
            case 'd', 'i' -> integer(out, parse(text, FLAGS_INT, true), Args.checkInteger(s, a, arg), 10, false);
            case 'u' -> integer(out, parse(text, FLAGS_UINT, true), Args.checkInteger(s, a, arg), 10, true);
            case 'o' -> integer(out, parse(text, FLAGS_HEX, true), Args.checkInteger(s, a, arg), 8, true);
            case 'x', 'X' -> integer(out, parse(text, FLAGS_HEX, true), Args.checkInteger(s, a, arg), 16, true);
            case 'a', 'A' -> floating(out, parse(text, FLAGS_FLOAT, true), Args.checkDouble(s, a, arg));
            case 'e', 'E', 'f', 'g', 'G' ->
                    floating(out, parse(text, FLAGS_FLOAT, true), Args.checkDouble(s, a, arg));
            case 'p' -> {
                Spec spec = parse(text, FLAGS_CHAR, false);
                Object v = a[arg];
                boolean hasAddress = v instanceof LuaTable || v instanceof LuaFunction || v instanceof LuaUserdata
                        || v instanceof dev.wippy.lua.vm.Coroutine || v instanceof LuaString;
                String p = hasAddress ? Interop.address(v) : "(null)";
                writePadded(out, spec, p.getBytes(StandardCharsets.ISO_8859_1));
            }
            case 'q' -> {
                if (text.length() > 2) {
                    throw LuaError.library("specifier '%q' cannot have modifiers");
                }
                quote(out, a[arg], arg);
            }
            case 's' -> {
                LuaString str = Interop.tostring(s, a[arg]);
                if (text.length() == 2) {
                    out.writeBytes(str.rawBytes());
                    return;
                }
                Spec spec = parse(text, FLAGS_CHAR, true);
                byte[] b = str.rawBytes();
                for (byte c : b) {
                    if (c == 0) {
                        throw Args.error(arg, "string contains zeros");
                    }
                }
                if (spec.precision >= 0 && spec.precision < b.length) {
                    b = java.util.Arrays.copyOf(b, spec.precision);
                }
                writePadded(out, spec, b);
            }
            default -> throw LuaError.library("invalid conversion '" + text + "' to 'format'");
        }
    }

    /** Validates flags, width and precision like PUC's {@code checkformat}. */
    private static Spec parse(String text, String allowedFlags, boolean precisionAllowed) {
        int i = 1;
        int n = text.length() - 1;
        boolean left = false;
        boolean plus = false;
        boolean space = false;
        boolean alt = false;
        boolean zero = false;
        while (i < n && allowedFlags.indexOf(text.charAt(i)) >= 0) {
            switch (text.charAt(i)) {
                case '-' -> left = true;
                case '+' -> plus = true;
                case ' ' -> space = true;
                case '#' -> alt = true;
                default -> zero = true;
            }
            i++;
        }
        int width = -1;
        int precision = -1;
        if (i < n && text.charAt(i) != '0') {
            int w = digits(text, i);
            if (w > i) {
                width = Integer.parseInt(text.substring(i, w));
                i = w;
            }
            if (i < n && text.charAt(i) == '.' && precisionAllowed) {
                i++;
                int p = digits(text, i);
                precision = p > i ? Integer.parseInt(text.substring(i, p)) : 0;
                i = p;
            }
        }
        if (i != n) {
            throw LuaError.library("invalid conversion specification: '" + text + "'");
        }
        return new Spec(text, left, plus, space, alt, zero, width, precision, text.charAt(n));
    }

    /** Up to two digits starting at {@code i}; returns the index after them. */
    private static int digits(String text, int i) {
        int j = i;
        while (j < text.length() && j < i + 2 && Character.isDigit(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static void writePadded(ByteArrayOutputStream out, Spec spec, byte[] body) {
        int pad = spec.width - body.length;
        if (!spec.left) {
            for (int k = 0; k < pad; k++) {
                out.write(' ');
            }
        }
        out.writeBytes(body);
        if (spec.left) {
            for (int k = 0; k < pad; k++) {
                out.write(' ');
            }
        }
    }

    /** Writes sign/prefix and digits, padding with spaces or (after the prefix) zeros like C. */
    private static void writeNumber(ByteArrayOutputStream out, Spec spec, String prefix, String digits,
                                    boolean zeroAllowed) {
        int len = prefix.length() + digits.length();
        int pad = Math.max(0, spec.width - len);
        StringBuilder sb = new StringBuilder(len + pad);
        if (spec.left) {
            sb.append(prefix).append(digits).append(" ".repeat(pad));
        } else if (spec.zero && zeroAllowed) {
            sb.append(prefix).append("0".repeat(pad)).append(digits);
        } else {
            sb.append(" ".repeat(pad)).append(prefix).append(digits);
        }
        out.writeBytes(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void integer(ByteArrayOutputStream out, Spec spec, long v, int radix, boolean unsigned) {
        String prefix = "";
        String digits;
        if (unsigned) {
            digits = switch (radix) {
                case 8 -> Long.toOctalString(v);
                case 16 -> Long.toHexString(v);
                default -> Long.toUnsignedString(v);
            };
            if (spec.conversion == 'X') {
                digits = digits.toUpperCase();
            }
        } else {
            if (v < 0) {
                prefix = "-";
                digits = v == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(-v);
            } else {
                digits = Long.toString(v);
                prefix = spec.plus ? "+" : spec.space ? " " : "";
            }
        }
        if (spec.precision >= 0) {
            if (spec.precision == 0 && v == 0) {
                digits = "";
            }
            if (digits.length() < spec.precision) {
                digits = "0".repeat(spec.precision - digits.length()) + digits;
            }
        }
        if (spec.alt && v != 0) {
            if (radix == 16) {
                prefix = spec.conversion == 'X' ? "0X" : "0x";
            } else if (radix == 8 && !digits.startsWith("0")) {
                digits = "0" + digits;
            }
        }
        writeNumber(out, spec, prefix, digits, spec.precision < 0);
    }

    private static void floating(ByteArrayOutputStream out, Spec spec, double v) {
        boolean upper = Character.isUpperCase(spec.conversion);
        boolean negative = v < 0 || (v == 0 && 1 / v < 0) || (Double.isNaN(v) && Double.doubleToRawLongBits(v) < 0);
        double abs = Math.abs(v);
        int precision = spec.precision < 0 ? 6 : spec.precision;
        String body;
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            body = Double.isNaN(v) ? "nan" : "inf";
            if (upper) {
                body = body.toUpperCase();
            }
        } else {
            body = switch (Character.toLowerCase(spec.conversion)) {
                case 'f' -> LuaNumbers.formatF(abs, precision, spec.alt);
                case 'e' -> LuaNumbers.formatE(abs, precision, spec.alt, upper);
                case 'g' -> LuaNumbers.formatG(abs, precision, spec.alt, upper);
                default -> hexFloat(abs, spec.precision, upper);
            };
        }
        String sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
        String prefix = sign;
        if (Character.toLowerCase(spec.conversion) == 'a' && body.startsWith("0")) {
            prefix = sign + body.substring(0, 2);
            body = body.substring(2);
        }
        writeNumber(out, spec, prefix, body, !Double.isNaN(v) && !Double.isInfinite(v));
    }

    /** C's {@code %a} of a non-negative finite double, as glibc prints it. */
    static String hexFloat(double v, int precision, boolean upper) {
        String s;
        if (v == 0) {
            s = "0x0" + (precision > 0 ? "." + "0".repeat(precision) : "") + "p+0";
        } else {
            long bits = Double.doubleToRawLongBits(v);
            int exp = (int) ((bits >>> 52) & 0x7ff);
            long mantissa = bits & 0xfffffffffffffL;
            int lead = 1;
            if (exp == 0) {
                lead = 0;
                exp = -1022;
            } else {
                exp -= 1023;
            }
            if (precision >= 0 && precision < 13) {
                int drop = (13 - precision) * 4;
                long full = ((long) lead << 52) | mantissa;
                long half = 1L << (drop - 1);
                long rem = full & ((1L << drop) - 1);
                long kept = full >>> drop;
                if (rem > half || (rem == half && (kept & 1) == 1)) {
                    kept++;
                }
                lead = (int) (kept >>> (precision * 4));
                mantissa = kept & ((1L << (precision * 4)) - 1);
                String frac = precision == 0 ? "" : String.format("%0" + precision + "x", mantissa);
                s = "0x" + lead + (frac.isEmpty() ? "" : "." + frac) + "p" + (exp >= 0 ? "+" : "") + exp;
            } else {
                String frac = String.format("%013x", mantissa);
                if (precision < 0) {
                    frac = frac.replaceAll("0+$", "");
                } else if (precision > 13) {
                    frac = frac + "0".repeat(precision - 13);
                }
                s = "0x" + lead + (frac.isEmpty() ? "" : "." + frac) + "p" + (exp >= 0 ? "+" : "") + exp;
            }
        }
        return upper ? s.toUpperCase() : s;
    }

    /** {@code %q}: a Lua literal that reads back as the same value. */
    private static void quote(ByteArrayOutputStream out, Object v, int arg) {
        switch (v) {
            case LuaString str -> quoteString(out, str.rawBytes());
            case Long l -> out.writeBytes((l == Long.MIN_VALUE ? "0x8000000000000000" : Long.toString(l))
                    .getBytes(StandardCharsets.ISO_8859_1));
            case Double d -> {
                String text;
                if (Double.isNaN(d)) {
                    text = "(0/0)";
                } else if (Double.isInfinite(d)) {
                    text = d > 0 ? "1e9999" : "-1e9999";
                } else {
                    text = (d < 0 || (d == 0 && 1 / d < 0) ? "-" : "") + hexFloat(Math.abs(d), -1, false);
                }
                out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            }
            case null -> out.writeBytes("nil".getBytes(StandardCharsets.ISO_8859_1));
            case Boolean b -> out.writeBytes(b.toString().getBytes(StandardCharsets.ISO_8859_1));
            default -> throw Args.error(arg, "value has no literal form");
        }
    }

    private static void quoteString(ByteArrayOutputStream out, byte[] b) {
        out.write('"');
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == '"' || c == '\\' || c == '\n') {
                out.write('\\');
                out.write(c);
            } else if (c < 32 || c == 127) {
                boolean nextIsDigit = i + 1 < b.length && b[i + 1] >= '0' && b[i + 1] <= '9';
                String esc = nextIsDigit ? String.format("\\%03d", c) : "\\" + c;
                out.writeBytes(esc.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write(c);
            }
        }
        out.write('"');
    }
}
