package dev.wippy.data.sql.builder;

/**
 * Placeholder formats (spec 08 §3.10.4): the builder writes {@code ?} and a format renumbers them across the whole
 * statement in text order; with a numbering format {@code ??} is a literal {@code ?}.
 */
public enum Placeholders {
    QUESTION(null), DOLLAR("$"), AT("@p"), COLON(":");

    private final String prefix;

    Placeholders(String prefix) {
        this.prefix = prefix;
    }

    public String apply(String sql) {
        if (prefix == null) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c != '?') {
                out.append(c);
            } else if (i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
                out.append('?');
                i++;
            } else {
                out.append(prefix).append(++n);
            }
        }
        return out.toString();
    }
}
