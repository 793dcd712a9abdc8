package dev.wippy.runtime.memory;

import dev.wippy.lua.vm.LuaString;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes as configuration writes it: an integer, or a size string such as {@code "64MB"}, {@code "1.5GB"}
 * or {@code "512KiB"}. Units are powers of 1024 whichever spelling is used (KB and KiB alike, as the JVM's own
 * {@code -Xmx} reads them); a bare number in a string is bytes. The result must be at least one byte.
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b|b)?\\s*");

    private ByteSize() {}

    /** Thrown for a value that is not a size; the message says what was wrong, for the error that reports it. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    /** The bytes {@code value} (an integer, a number, a string or a Lua string) stands for. */
    public static long parse(Object value) {
        return switch (value) {
            case Long l -> positive(BigDecimal.valueOf(l), value);
            case Integer i -> positive(BigDecimal.valueOf(i), value);
            case Double d when Double.isFinite(d) -> positive(BigDecimal.valueOf(d), value);
            case LuaString s -> parseText(s.toString());
            case String s -> parseText(s);
            case null, default -> throw new Invalid("expected a number of bytes or a size such as \"64MB\", got "
                    + describe(value));
        };
    }

    private static long parseText(String text) {
        Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new Invalid("expected a number of bytes or a size such as \"64MB\", got \"" + text + "\"");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        return positive(amount.multiply(BigDecimal.valueOf(1024).pow(power)), "\"" + text + "\"");
    }

    private static long positive(BigDecimal bytes, Object shown) {
        if (bytes.compareTo(BigDecimal.ONE) < 0) {
            throw new Invalid("must be at least 1 byte, got " + shown);
        }
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new Invalid("too large: " + shown);
        }
        return bytes.longValue();
    }

    private static String describe(Object value) {
        return value == null || value instanceof Boolean || value instanceof Double ? String.valueOf(value)
                : "a table";
    }
}
