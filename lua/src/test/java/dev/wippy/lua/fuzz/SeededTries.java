package dev.wippy.lua.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Checks a fuzz property on a fixed number of inputs drawn from a {@link Random} with a fixed seed, so every build
 * tries the same inputs; a failing try is reported with the seed, its number and its input, which reproduces it.
 * Also the small generators that the fuzz tests build their inputs from.
 */
public final class SeededTries {
    /** What must hold for one input; it fails by throwing. */
    @FunctionalInterface
    public interface Property<T> {
        void check(T input) throws Exception;
    }

    private SeededTries() {
    }

    public static <T> void check(long seed, int tries, Function<Random, T> inputs, Property<T> property) {
        Random random = new Random(seed);
        for (int i = 1; i <= tries; i++) {
            T input = inputs.apply(random);
            try {
                property.check(input);
            } catch (Throwable t) {
                throw new AssertionError("seed " + seed + ", try " + i + " of " + tries + ", input " + input
                        + ": " + t, t);
            }
        }
    }

    public static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** {@code min} to {@code max} items, each drawn by {@code item}. */
    public static <T> List<T> listOf(Random random, int min, int max, Function<Random, T> item) {
        return Stream.generate(() -> item.apply(random)).limit(random.nextInt(min, max + 1)).toList();
    }

    /** Up to {@code maxLength} characters, each one of {@code chars}. */
    public static String string(Random random, String chars, int maxLength) {
        return IntStream.range(0, random.nextInt(maxLength + 1))
                .mapToObj(i -> String.valueOf(chars.charAt(random.nextInt(chars.length()))))
                .collect(Collectors.joining());
    }

    /** Up to {@code maxLength} bytes of any value. */
    public static byte[] bytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A finite double of any magnitude and sign: random bits, drawn again for NaN and the infinities. */
    public static double finiteDouble(Random random) {
        double d;
        do {
            d = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(d));
        return d;
    }

    /** {@code bytes} with printable ASCII as it is and every other byte as {@code \xNN}, for failure messages. */
    public static String escaped(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            s.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : "\\x%02x".formatted(c));
        }
        return s.toString();
    }
}
