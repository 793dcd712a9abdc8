package dev.wippy.lua.syntax;

/**
 * Converts Lua numerals to numbers exactly like PUC's {@code luaO_str2num}: decimal integers that overflow become
 * floats, hexadecimal integers wrap around, floats may be decimal or hexadecimal ({@code 0x1p4}); surrounding
 * whitespace is allowed; "inf" and "nan" are not numerals.
 */
public final class Numerals {
    private Numerals() {}

    /** The value of {@code b[from, to)} as a Long or Double, or null if it is not a numeral. */
    public static Object parse(byte[] b, int from, int to) {
        int i = from;
        int n = to;
        while (i < n && isSpace(b[i])) {
            i++;
        }
        while (n > i && isSpace(b[n - 1])) {
            n--;
        }
        if (i >= n) {
            return null;
        }
        Long integer = parseInteger(b, i, n);
        if (integer != null) {
            return integer;
        }
        return parseFloat(b, i, n);
    }

    static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static Long parseInteger(byte[] b, int i, int n) {
        boolean neg = false;
        if (b[i] == '-') {
            neg = true;
            i++;
        } else if (b[i] == '+') {
            i++;
        }
        if (i >= n) {
            return null;
        }
        long a = 0;
        if (n - i > 2 && b[i] == '0' && (b[i + 1] | 0x20) == 'x') {
            i += 2;
            for (; i < n; i++) {
                int d = Character.digit(b[i], 16);
                if (d < 0) {
                    return null;
                }
                a = a * 16 + d;
            }
        } else {
            for (; i < n; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return null;
                }
                if (a >= Long.MAX_VALUE / 10 && (a > Long.MAX_VALUE / 10 || d > Long.MAX_VALUE % 10 + (neg ? 1 : 0))) {
                    return null;
                }
                a = a * 10 + d;
            }
        }
        return neg ? -a : a;
    }

    private static Double parseFloat(byte[] b, int from, int n) {
        int i = from;
        StringBuilder sb = new StringBuilder(n - from + 4);
        if (b[i] == '-' || b[i] == '+') {
            sb.append((char) b[i]);
            i++;
        }
        boolean hex = n - i > 1 && b[i] == '0' && (b[i + 1] | 0x20) == 'x';
        if (hex) {
            sb.append("0x");
            i += 2;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            byte c = b[i];
            if (c == '.' && !dot) {
                dot = true;
            } else if (hex ? Character.digit(c, 16) >= 0 : (c >= '0' && c <= '9')) {
                digits++;
            } else {
                break;
            }
            sb.append((char) c);
        }
        if (digits == 0) {
            return null;
        }
        boolean exponent = false;
        if (i < n && (b[i] | 0x20) == (hex ? 'p' : 'e')) {
            sb.append(hex ? 'p' : 'e');
            i++;
            if (i < n && (b[i] == '-' || b[i] == '+')) {
                sb.append((char) b[i]);
                i++;
            }
            int expDigits = 0;
            for (; i < n && b[i] >= '0' && b[i] <= '9'; i++) {
                sb.append((char) b[i]);
                expDigits++;
            }
            if (expDigits == 0) {
                return null;
            }
            exponent = true;
        }
        if (i != n) {
            return null;
        }
        if (hex && !exponent) {
            sb.append("p0");
        }
        return Double.parseDouble(sb.toString());
    }
}
