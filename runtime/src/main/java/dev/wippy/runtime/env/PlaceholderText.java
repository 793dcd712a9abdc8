package dev.wippy.runtime.env;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a string into literal text and placeholders (spec 01 §3): {@code ${env:NAME}}, {@code ${env:NAME|fallback}}
 * and the short form {@code ${NAME|fallback}} (upper-case {@code NAME}, fallback mandatory); {@code $${} is a
 * literal {@code ${}. Anything else that looks similar, such as {@code ${NAME}}, stays literal text so shell and
 * template snippets survive. A placeholder ends at the first {@code }}.
 */
final class PlaceholderText {
    private static final String ENV = "env:";
    private static final Pattern SHORT_NAME = Pattern.compile("[A-Z0-9_]+");

    /** A piece of a string: literal text or a placeholder. */
    sealed interface Part permits Literal, Reference {}

    record Literal(String text) implements Part {}

    /**
     * A placeholder as written.
     *
     * @param fallback the inline fallback, or null when there is none
     */
    record Reference(String name, String fallback, String written) implements Part {}

    private PlaceholderText() {
    }

    /** Whether {@code s} may contain a placeholder or an escape, so that plain strings skip {@link #parse}. */
    static boolean mayContain(String s) {
        return s.contains("${");
    }

    static List<Part> parse(String s) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
                continue;
            }
            int close = s.startsWith("${", i) ? s.indexOf('}', i + 2) : -1;
            Reference ref = close < 0 ? null : reference(s.substring(i + 2, close), s.substring(i, close + 1));
            if (ref != null) {
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(ref);
                i = close + 1;
            } else {
                literal.append(s.charAt(i++));
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return parts;
    }

    private static Reference reference(String inside, String written) {
        boolean explicit = inside.startsWith(ENV);
        String body = explicit ? inside.substring(ENV.length()) : inside;
        int bar = body.indexOf('|');
        String name = bar < 0 ? body : body.substring(0, bar);
        String fallback = bar < 0 ? null : body.substring(bar + 1);
        if (explicit ? name.isEmpty() : fallback == null || !SHORT_NAME.matcher(name).matches()) {
            return null;
        }
        return new Reference(name, fallback, written);
    }
}
