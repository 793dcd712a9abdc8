package dev.wippy.runtime.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code .env} text format: {@code KEY=VALUE} lines, blank lines and {@code #} comment lines ignored. Values
 * may be quoted: single quotes literally, double quotes with {@code \\ \" \n \r} escapes. Unquoted values are taken
 * as written (trimmed), so {@code #} inside one is part of the value.
 */
final class DotEnv {
    private DotEnv() {
    }

    /**
     * The assignments of {@code lines}; a later line for the same key wins.
     *
     * @throws IllegalArgumentException naming the line for a line that is not an assignment
     */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected KEY=VALUE");
            }
            values.put(line.substring(0, eq).strip(), value(line.substring(eq + 1).strip()));
        }
        return values;
    }

    /**
     * {@code lines} with {@code key} set to {@code value}: its last assignment is rewritten in place (keeping the
     * comments and order around it), or a new line is appended.
     */
    static List<String> assign(List<String> lines, String key, String value) {
        List<String> out = new ArrayList<>(lines);
        String line = key + "=" + quoted(value);
        for (int i = out.size() - 1; i >= 0; i--) {
            if (key.equals(keyOf(out.get(i)))) {
                out.set(i, line);
                return out;
            }
        }
        out.add(line);
        return out;
    }

    private static String keyOf(String line) {
        String s = line.strip();
        int eq = s.indexOf('=');
        return s.startsWith("#") || eq <= 0 ? null : s.substring(0, eq).strip();
    }

    private static String value(String raw) {
        if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return unescape(raw.substring(1, raw.length() - 1));
        }
        return raw;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The value as it must be written so that {@link #parse} reads it back unchanged. */
    private static String quoted(String value) {
        boolean plain = value.equals(value.strip()) && value.indexOf('\n') < 0 && value.indexOf('\r') < 0
                && !value.startsWith("\"") && !value.startsWith("'");
        if (plain) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                + "\"";
    }
}
