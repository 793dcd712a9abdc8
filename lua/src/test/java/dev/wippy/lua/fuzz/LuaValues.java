package dev.wippy.lua.fuzz;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static dev.wippy.lua.fuzz.SeededTries.oneOf;

/** Random Lua values as library functions receive them, weighted towards the corners of each type. */
final class LuaValues {
    private static final List<Long> CORNER_INTEGERS = List.of(0L, -1L, 1L, 255L, 256L, 65536L,
            (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53);
    private static final List<Double> CORNER_FLOATS = List.of(0.0, -0.0, 0.5, -1.5, 1e308, -1e308, 5e-324,
            2.0e-308, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9.2233720368547758e18,
            1e15 + 0.3);
    private static final List<String> NUMERIC_STRINGS = List.of("10", " 0x10 ", "1e5", "-0", "0x7fffffffffffffff",
            "1e400", "0x1p-2", "nan", "9223372036854775808", "");

    private LuaValues() {
    }

    /** nil one time in twenty; otherwise integers 4, floats 3, strings 4, numeric strings 2, booleans 1, tables 1. */
    static Object any(Random random) {
        if (random.nextInt(20) == 0) {
            return null;
        }
        int pick = random.nextInt(15);
        if (pick < 4) {
            return integer(random);
        } else if (pick < 7) {
            return floating(random);
        } else if (pick < 11) {
            return string(SeededTries.string(random, "ab1 %.-\u0000\u00ff\n", 12));
        } else if (pick < 13) {
            return numericString(random);
        } else if (pick < 14) {
            return random.nextBoolean();
        }
        return new LuaTable();
    }

    /** Small, any or a corner, alike often. */
    static long integer(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextLong(-300, 301);
            case 1 -> random.nextLong();
            default -> oneOf(random, CORNER_INTEGERS);
        };
    }

    /** Any finite double or a corner (the infinities and NaN among them), alike often. */
    static double floating(Random random) {
        return random.nextBoolean() ? SeededTries.finiteDouble(random) : oneOf(random, CORNER_FLOATS);
    }

    /** Strings that Lua converts to numbers where a number is expected. */
    static LuaString numericString(Random random) {
        return string(oneOf(random, NUMERIC_STRINGS));
    }

    /** The Lua string of the characters of {@code text} taken as bytes 0-255. */
    static LuaString string(String text) {
        return LuaString.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** How a failure message shows Lua values: strings quoted with their odd bytes escaped, tables as {}. */
    static String show(Object... values) {
        return Arrays.stream(values).map(v -> switch (v) {
            case LuaString s -> "\"" + SeededTries.escaped(s.toByteArray()) + "\"";
            case LuaTable t -> "{}";
            case List<?> list -> "[" + show(list.toArray()) + "]";
            case null, default -> String.valueOf(v);
        }).collect(Collectors.joining(", "));
    }
}
