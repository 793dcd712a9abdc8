package dev.wippy.data.sql.builder;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable SELECT, INSERT, UPDATE or DELETE under construction (spec 08 §3.10). Every change returns a new
 * query; {@link #build} generates the exact text of §3.10.2 with {@code ?} placeholders, converted to the query's
 * placeholder format.
 */
public sealed interface Query permits Select, Insert, Update, Delete {
    /** The statement with the query's own placeholder format. */
    default Fragment build() throws BuildError {
        Fragment f = raw();
        return new Fragment(format().apply(f.sql()), f.args());
    }

    /** The statement with {@code ?} placeholders, for embedding in another statement. */
    Fragment raw() throws BuildError;

    Placeholders format();

    Query withFormat(Placeholders format);

    /** {@code SelectBuilder}, {@code InsertBuilder}, ... for diagnostics. */
    String label();

    /** A copy of {@code list} with {@code items} appended. */
    static <T> List<T> plus(List<T> list, List<T> items) {
        List<T> out = new ArrayList<>(list.size() + items.size());
        out.addAll(list);
        out.addAll(items);
        return java.util.Collections.unmodifiableList(out);
    }

    /** Appends {@code " KEYWORD " + parts joined by separator} when there are parts. */
    static void clause(StringBuilder sql, List<Object> args, String keyword, List<Fragment> parts, String separator) {
        if (parts.isEmpty()) {
            return;
        }
        Fragment f = Fragment.join(parts, separator);
        sql.append(' ').append(keyword).append(' ').append(f.sql());
        args.addAll(f.args());
    }

    /** Appends where-style conditions: {@code " WHERE " + non-empty parts joined by AND}. */
    static void conditions(StringBuilder sql, List<Object> args, String keyword, List<Expr> parts)
            throws BuildError {
        if (parts.isEmpty()) {
            return;
        }
        List<Fragment> rendered = new ArrayList<>();
        for (Expr e : parts) {
            rendered.add(e.render());
        }
        Fragment f = Fragment.join(rendered, " AND ");
        sql.append(' ').append(keyword).append(' ').append(f.sql());
        args.addAll(f.args());
    }

    /** Appends {@code [ ORDER BY o1, o2][ LIMIT n][ OFFSET n][ suffixes]}. */
    static void tail(StringBuilder sql, List<Object> args, List<String> orderBy, Long limit, Long offset,
                     List<Fragment> suffixes) {
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", orderBy));
        }
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        if (offset != null) {
            sql.append(" OFFSET ").append(offset);
        }
        suffixes(sql, args, suffixes);
    }

    /** Appends {@code [ S1 S2]}. */
    static void suffixes(StringBuilder sql, List<Object> args, List<Fragment> suffixes) {
        if (!suffixes.isEmpty()) {
            Fragment s = Fragment.join(suffixes, " ");
            sql.append(' ').append(s.sql());
            args.addAll(s.args());
        }
    }

    /** A value in a VALUES tuple or SET: an inlined expression, or a placeholder with the value bound. */
    static String value(Object v, List<Object> args) throws BuildError {
        if (v instanceof Expr x) {
            Fragment f = x.render();
            args.addAll(f.args());
            return f.sql();
        }
        args.add(v);
        return "?";
    }
}
