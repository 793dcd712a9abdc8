package dev.wippy.runtime.env;

import java.util.regex.Pattern;

/**
 * The typing rule of placeholders (spec 01 §3 rule 3): a string that is exactly one placeholder takes the type its
 * inline fallback looks like — boolean, integer or float — so {@code port: ${env:PORT|8080}} is a number whether
 * the value comes from the variable or from the fallback.
 */
final class FallbackTypes {
    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?");

    private FallbackTypes() {
    }

    /**
     * {@code text} converted to the type of {@code fallback}; the text itself when the fallback is absent or looks
     * like none of the types.
     *
     * @throws IllegalArgumentException when {@code text} cannot be read as that type
     */
    static Object typed(String fallback, String text) {
        if (fallback == null) {
            return text;
        }
        String t = text.strip();
        if (BOOLEAN.matcher(fallback).matches()) {
            check(BOOLEAN, t, text, "a boolean");
            return Boolean.parseBoolean(t);
        }
        if (INTEGER.matcher(fallback).matches()) {
            check(INTEGER, t, text, "an integer");
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is too large for an integer");
            }
        }
        if (FLOAT.matcher(fallback).matches()) {
            check(FLOAT, t, text, "a number");
            return Double.parseDouble(t);
        }
        return text;
    }

    private static void check(Pattern p, String t, String text, String what) {
        if (!p.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + what + " like the fallback");
        }
    }
}
