package dev.wippy.runtime.values;

import dev.wippy.lua.fuzz.SeededTries;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.util.Random;

/**
 * Random Lua values as payloads carry them: strings, integers, finite floats, booleans, and tables nested a few
 * levels deep, as arrays or as maps with string keys. The samples that payload codecs encode and fuzz tests mutate.
 */
public final class LuaTrees {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private LuaTrees() {
    }

    /** A leaf three times in five, otherwise an array or a map of up to four values nested up to {@code depth}. */
    public static Object value(Random random, int depth) {
        if (depth == 0) {
            return leaf(random);
        }
        return switch (random.nextInt(5)) {
            case 0 -> array(random, depth - 1);
            case 1 -> map(random, depth - 1);
            default -> leaf(random);
        };
    }

    /** Any long or a small one, a float, a string of bytes 0-255 or a boolean, alike often. */
    private static Object leaf(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextBoolean() ? random.nextLong() : random.nextLong(-1000, 1001);
            case 1 -> SeededTries.finiteDouble(random);
            case 2 -> LuaString.wrap(SeededTries.bytes(random, 10));
            default -> random.nextBoolean();
        };
    }

    private static Object array(Random random, int depth) {
        LuaTable t = new LuaTable();
        int size = random.nextInt(5);
        for (int i = 1; i <= size; i++) {
            t.putInt(i, value(random, depth));
        }
        return t;
    }

    private static Object map(Random random, int depth) {
        LuaTable t = new LuaTable();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            t.putStr(LuaString.of(SeededTries.string(random, LETTERS, 6)), value(random, depth));
        }
        return t;
    }
}
