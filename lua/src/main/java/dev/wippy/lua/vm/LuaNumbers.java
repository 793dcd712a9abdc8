package dev.wippy.lua.vm;

import dev.wippy.lua.syntax.Numerals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number conversions with PUC Lua's exact rules: string to number, number to string, float to integer. */
public final class LuaNumbers {
    private LuaNumbers() {}

    // ---------------------------------------------------------------- float <-> integer

    /** Whether {@code d} has an exact 64-bit integer value. */
    public static boolean isExactInteger(double d) {
        return d >= -0x1p63 && d < 0x1p63 && (long) d == d;
    }

    /** The integer value of a number or numeric string, or null (like {@code lua_tointegerx}). */
    public static Long toInteger(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return isExactInteger(d) ? (long) (double) d : null;
        }
        if (v instanceof LuaString s) {
            return toInteger(parse(s));
        }
        return null;
    }

    /** The value of a number or numeric string as a Lua number (Long or Double), or null. */
    public static Object toNumber(Object v) {
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof LuaString s) {
            return parse(s);
        }
        return null;
    }

    // ---------------------------------------------------------------- string -> number

    public static Object parse(LuaString s) {
        return parse(s.rawBytes());
    }

    /** Converts a numeral with optional surrounding spaces, like {@code lua_stringtonumber}; null if invalid. */
    public static Object parse(byte[] b) {
        return Numerals.parse(b, 0, b.length);
    }

    // ---------------------------------------------------------------- number -> string

    public static LuaString toLuaString(Object number) {
        return LuaString.ofLatin1(number instanceof Long l ? Long.toString(l) : toString((Double) number));
    }

    /** {@code tostring} of a float: {@code %.14g}, plus {@code .0} when the result looks like an integer. */
    public static String toString(double d) {
        if (d == (long) d && Math.abs(d) < 1e14) {
            return d == 0 && 1 / d < 0 ? "-0.0" : Long.toString((long) d) + ".0";
        }
        String s = formatG(d, 14, false, false);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'n' || c == 'i') {
                return s;
            }
        }
        return s + ".0";
    }

    /** C's {@code %.<precision>g} of a finite or infinite double (NaN prints as PUC does on x86-64). */
    public static String formatG(double d, int precision, boolean alternate, boolean upper) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d, upper);
        }
        int p = precision == 0 ? 1 : precision;
        if (d == 0) {
            String zero = alternate ? "0." + "0".repeat(p - 1) : "0";
            return (1 / d < 0 ? "-" : "") + zero;
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exp = rounded.precision() - rounded.scale() - 1;
        String out;
        if (exp < -4 || exp >= p) {
            out = formatE(d, p - 1, alternate, upper);
            if (!alternate) {
                int e = out.indexOf(upper ? 'E' : 'e');
                out = stripZeros(out.substring(0, e)) + out.substring(e);
            }
        } else {
            out = formatF(d, p - 1 - exp, alternate);
            if (!alternate) {
                out = stripZeros(out);
            }
        }
        return out;
    }

    /** C's {@code %.<precision>f}: the exact binary value rounded half-to-even. */
    public static String formatF(double d, int precision, boolean alternate) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d, false);
        }
        String s = new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        if (d < 0 || (d == 0 && 1 / d < 0)) {
            if (!s.startsWith("-")) {
                s = "-" + s;
            }
        }
        if (alternate && precision == 0) {
            s = s + ".";
        }
        return s;
    }

    /** C's {@code %.<precision>e}. */
    public static String formatE(double d, int precision, boolean alternate, boolean upper) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d, upper);
        }
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        String digits;
        int exp;
        if (d == 0) {
            digits = "0".repeat(precision + 1);
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(Math.abs(d)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = r.unscaledValue().toString();
            exp = digits.length() - 1 - r.scale();
            if (digits.length() < precision + 1) {
                digits = digits + "0".repeat(precision + 1 - digits.length());
            } else if (digits.length() > precision + 1) {
                digits = digits.substring(0, precision + 1);
            }
        }
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (precision > 0 || alternate) {
            sb.append('.');
        }
        sb.append(digits, 1, digits.length());
        sb.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) {
            sb.append('0');
        }
        sb.append(ae);
        return sb.toString();
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String special(double d, boolean upper) {
        String s;
        if (Double.isNaN(d)) {
            s = (Double.doubleToRawLongBits(d) < 0 ? "-" : "") + "nan";
        } else {
            s = d > 0 ? "inf" : "-inf";
        }
        return upper ? s.toUpperCase() : s;
    }
}
