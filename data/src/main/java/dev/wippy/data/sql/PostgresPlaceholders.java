package dev.wippy.data.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL's native {@code $n} parameters (spec 08 §3.8) for the JDBC driver, which only knows {@code ?}: each
 * {@code $n} outside literals, quoted identifiers and comments becomes {@code ?} bound to parameter n (so {@code $1}
 * may appear twice, or after {@code $2}), and a literal {@code ?} (a jsonb operator) becomes the driver's escape
 * {@code ??}. Rewritten statements are cached by their text.
 */
final class PostgresPlaceholders {
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, PostgresPlaceholders> CACHE = new ConcurrentHashMap<>();

    final String sql;
    /** For each {@code ?} of {@link #sql}, the 0-based index of the parameter it binds. */
    private final int[] order;
    private final int required;

    private PostgresPlaceholders(String sql, int[] order, int required) {
        this.sql = sql;
        this.order = order;
        this.required = required;
    }

    static PostgresPlaceholders of(String text) {
        PostgresPlaceholders p = CACHE.get(text);
        if (p == null) {
            p = rewrite(text);
            if (CACHE.size() < CACHE_LIMIT) {
                CACHE.put(text, p);
            }
        }
        return p;
    }

    /** The values in driver order; the count must match the statement's, as the server requires. */
    List<Object> bind(List<Object> params) throws SQLException {
        if (params.size() != required) {
            throw new SQLException("got " + params.size() + " parameters but the statement requires " + required,
                    "08P01");
        }
        if (order.length == params.size() && isIdentity()) {
            return params;
        }
        List<Object> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(params.get(i));
        }
        return out;
    }

    private boolean isIdentity() {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static PostgresPlaceholders rewrite(String s) {
        StringBuilder out = new StringBuilder(s.length());
        List<Integer> order = new ArrayList<>();
        int required = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"') {
                end = closing(s, i, c, i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e'));
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == '$') {
                int d = i + 1;
                while (d < n && Character.isDigit(s.charAt(d))) {
                    d++;
                }
                if (d > i + 1 && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '_')) {
                    int index = Integer.parseInt(s.substring(i + 1, d));
                    order.add(index - 1);
                    required = Math.max(required, index);
                    out.append('?');
                    i = d;
                    continue;
                }
                end = dollarQuoted(s, i);
            } else if (c == '?') {
                out.append("??");
                i++;
                continue;
            }
            out.append(s, i, end);
            i = end;
        }
        return new PostgresPlaceholders(out.toString(), order.stream().mapToInt(Integer::intValue).toArray(),
                required);
    }

    /** The end of a quoted literal or identifier starting at {@code start}; doubled quotes stay inside. */
    private static int closing(String s, int start, char quote, boolean backslashes) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** The end of a {@code $tag$...$tag$} string starting at {@code start}, or just past the {@code $}. */
    private static int dollarQuoted(String s, int start) {
        int t = start + 1;
        while (t < s.length() && (Character.isLetterOrDigit(s.charAt(t)) || s.charAt(t) == '_')) {
            t++;
        }
        if (t >= s.length() || s.charAt(t) != '$') {
            return start + 1;
        }
        String tag = s.substring(start, t + 1);
        int close = s.indexOf(tag, t + 1);
        return close < 0 ? s.length() : close + tag.length();
    }
}
