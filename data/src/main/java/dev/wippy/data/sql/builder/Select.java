package dev.wippy.data.sql.builder;

import java.util.ArrayList;
import java.util.List;

/** {@code SELECT [DISTINCT ]c1, c2[ FROM t][ joins][ WHERE][ GROUP BY][ HAVING][ ORDER BY][ LIMIT][ OFFSET][ suffixes]}. */
public record Select(Placeholders format, boolean distinct, List<String> columns, String from, List<Fragment> joins,
                     List<Expr> wheres, List<String> groupBy, List<Expr> havings, List<String> orderBy, Long limit,
                     Long offset, List<Fragment> suffixes) implements Query {

    public static Select of(List<String> columns) {
        return new Select(Placeholders.QUESTION, false, List.copyOf(columns), null, List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null, List.of());
    }

    public Select withColumns(List<String> more) {
        return new Select(format, distinct, Query.plus(columns, more), from, joins, wheres, groupBy, havings, orderBy,
                limit, offset, suffixes);
    }

    public Select withDistinct() {
        return new Select(format, true, columns, from, joins, wheres, groupBy, havings, orderBy, limit, offset,
                suffixes);
    }

    public Select withFrom(String table) {
        return new Select(format, distinct, columns, table, joins, wheres, groupBy, havings, orderBy, limit, offset,
                suffixes);
    }

    public Select withJoin(Fragment join) {
        return new Select(format, distinct, columns, from, Query.plus(joins, List.of(join)), wheres, groupBy, havings,
                orderBy, limit, offset, suffixes);
    }

    public Select withWhere(Expr e) {
        return new Select(format, distinct, columns, from, joins, Query.plus(wheres, List.of(e)), groupBy, havings,
                orderBy, limit, offset, suffixes);
    }

    public Select withGroupBy(List<String> more) {
        return new Select(format, distinct, columns, from, joins, wheres, Query.plus(groupBy, more), havings, orderBy,
                limit, offset, suffixes);
    }

    public Select withHaving(Expr e) {
        return new Select(format, distinct, columns, from, joins, wheres, groupBy, Query.plus(havings, List.of(e)),
                orderBy, limit, offset, suffixes);
    }

    public Select withOrderBy(List<String> more) {
        return new Select(format, distinct, columns, from, joins, wheres, groupBy, havings, Query.plus(orderBy, more),
                limit, offset, suffixes);
    }

    public Select withLimit(long n) {
        return new Select(format, distinct, columns, from, joins, wheres, groupBy, havings, orderBy, n, offset,
                suffixes);
    }

    public Select withOffset(long n) {
        return new Select(format, distinct, columns, from, joins, wheres, groupBy, havings, orderBy, limit, n,
                suffixes);
    }

    public Select withSuffix(Fragment suffix) {
        return new Select(format, distinct, columns, from, joins, wheres, groupBy, havings, orderBy, limit, offset,
                Query.plus(suffixes, List.of(suffix)));
    }

    @Override
    public Select withFormat(Placeholders f) {
        return new Select(f, distinct, columns, from, joins, wheres, groupBy, havings, orderBy, limit, offset,
                suffixes);
    }

    @Override
    public String label() {
        return "SelectBuilder";
    }

    @Override
    public Fragment raw() throws BuildError {
        if (columns.isEmpty()) {
            throw new BuildError("select statements must have at least one result column");
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> args = new ArrayList<>();
        if (distinct) {
            sql.append("DISTINCT ");
        }
        sql.append(String.join(", ", columns));
        if (from != null) {
            sql.append(" FROM ").append(from);
        }
        if (!joins.isEmpty()) {
            Fragment j = Fragment.join(joins, " ");
            sql.append(' ').append(j.sql());
            args.addAll(j.args());
        }
        Query.conditions(sql, args, "WHERE", wheres);
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        Query.conditions(sql, args, "HAVING", havings);
        Query.tail(sql, args, orderBy, limit, offset, suffixes);
        return new Fragment(sql.toString(), args);
    }
}
