package dev.wippy.data.sql.builder;

import java.util.ArrayList;
import java.util.List;

/** {@code UPDATE t SET c1 = ?, c2 = ?[ FROM f][ WHERE][ ORDER BY][ LIMIT][ OFFSET][ suffixes]}. */
public record Update(Placeholders format, String table, List<String> setColumns, List<Object> setValues,
                     Fragment from, List<Expr> wheres, List<String> orderBy, Long limit, Long offset,
                     List<Fragment> suffixes) implements Query {

    public static Update of(String table) {
        return new Update(Placeholders.QUESTION, table, List.of(), new ArrayList<>(), null, List.of(), List.of(), null,
                null, List.of());
    }

    public Update withTable(String t) {
        return new Update(format, t, setColumns, setValues, from, wheres, orderBy, limit, offset, suffixes);
    }

    /** One more {@code col = value}; the value may be an {@link Expr}, inlined. */
    public Update withSet(String column, Object value) {
        List<Object> values = new ArrayList<>(setValues);
        values.add(value);
        return new Update(format, table, Query.plus(setColumns, List.of(column)), values, from, wheres, orderBy, limit,
                offset, suffixes);
    }

    public Update withFrom(Fragment f) {
        return new Update(format, table, setColumns, setValues, f, wheres, orderBy, limit, offset, suffixes);
    }

    public Update withWhere(Expr e) {
        return new Update(format, table, setColumns, setValues, from, Query.plus(wheres, List.of(e)), orderBy, limit,
                offset, suffixes);
    }

    public Update withOrderBy(List<String> more) {
        return new Update(format, table, setColumns, setValues, from, wheres, Query.plus(orderBy, more), limit, offset,
                suffixes);
    }

    public Update withLimit(long n) {
        return new Update(format, table, setColumns, setValues, from, wheres, orderBy, n, offset, suffixes);
    }

    public Update withOffset(long n) {
        return new Update(format, table, setColumns, setValues, from, wheres, orderBy, limit, n, suffixes);
    }

    public Update withSuffix(Fragment s) {
        return new Update(format, table, setColumns, setValues, from, wheres, orderBy, limit, offset,
                Query.plus(suffixes, List.of(s)));
    }

    @Override
    public Update withFormat(Placeholders f) {
        return new Update(f, table, setColumns, setValues, from, wheres, orderBy, limit, offset, suffixes);
    }

    @Override
    public String label() {
        return "UpdateBuilder";
    }

    @Override
    public Fragment raw() throws BuildError {
        if (table == null || table.isEmpty()) {
            throw new BuildError("update statements must specify a table");
        }
        if (setColumns.isEmpty()) {
            throw new BuildError("update statements must have at least one Set clause");
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < setColumns.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(setColumns.get(i)).append(" = ").append(Query.value(setValues.get(i), args));
        }
        if (from != null) {
            sql.append(" FROM ").append(from.sql());
            args.addAll(from.args());
        }
        Query.conditions(sql, args, "WHERE", wheres);
        Query.tail(sql, args, orderBy, limit, offset, suffixes);
        return new Fragment(sql.toString(), args);
    }
}
