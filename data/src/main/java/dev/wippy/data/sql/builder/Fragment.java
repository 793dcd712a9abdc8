package dev.wippy.data.sql.builder;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of SQL with {@code ?} placeholders and the values bound to them, in order. Values are null (NULL), a
 * Boolean, Long, Double, String or byte[].
 */
public record Fragment(String sql, List<Object> args) {
    public static final Fragment EMPTY = new Fragment("", List.of());

    /** Joins fragments with {@code separator}, skipping those whose SQL is empty. */
    static Fragment join(List<Fragment> parts, String separator) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Fragment f : parts) {
            if (f.sql.isEmpty()) {
                continue;
            }
            if (!sql.isEmpty()) {
                sql.append(separator);
            }
            sql.append(f.sql);
            args.addAll(f.args);
        }
        return new Fragment(sql.toString(), args);
    }
}
