package dev.wippy.http.relay;

import dev.wippy.http.config.Options;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which browser origins may open a relay (spec 07 §5.2, §5.3): the relay's own option, else {@code allow_origins},
 * else {@code allowed_origins}; {@code *} allows all, a pattern is a case-insensitive glob; without patterns only
 * the request's own origin.
 */
final class Origins {
    private final List<String> patterns;

    Origins(Options options, String ownKey) {
        String raw = options.get(ownKey, "allow_origins", options.get("allowed_origins", ""));
        patterns = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * @param origin    the request's Origin header (null: allowed)
     * @param sameAs    the request's own origin(s) it may equal when no pattern is configured
     * @param hostOnly  whether a pattern without {@code ://} is matched against the origin's host[:port]
     */
    boolean allows(String origin, List<String> sameAs, boolean hostOnly) {
        if (origin == null) {
            return true;
        }
        if (patterns.isEmpty()) {
            return sameAs.stream().anyMatch(origin::equalsIgnoreCase);
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        String host = lower.contains("://") ? lower.substring(lower.indexOf("://") + 3) : lower;
        for (String p : patterns) {
            String pattern = p.toLowerCase(Locale.ROOT);
            if (pattern.equals("*") || pattern.equals(lower)) {
                return true;
            }
            String subject = hostOnly && !pattern.contains("://") ? host : lower;
            if (glob(pattern, subject)) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} any run of characters, {@code ?} one, {@code [...]} a class; the rest literal. */
    private static boolean glob(String pattern, String text) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '[' ? pattern.indexOf(']', i + 1) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (close > i) {
                re.append('[').append(pattern, i + 1, close).append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        try {
            return Pattern.matches(re.toString(), text);
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
