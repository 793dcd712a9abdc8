package dev.wippy.data.sql.builder;

import java.util.ArrayList;
import java.util.List;

/** {@code DELETE FROM t[ WHERE][ ORDER BY][ LIMIT][ OFFSET][ suffixes]}. */
public record Delete(Placeholders format, String table, List<Expr> wheres, List<String> orderBy, Long limit,
                     Long offset, List<Fragment> suffixes) implements Query {

    public static Delete of(String table) {
        return new Delete(Placeholders.QUESTION, table, List.of(), List.of(), null, null, List.of());
    }

    public Delete withTable(String t) {
        return new Delete(format, t, wheres, orderBy, limit, offset, suffixes);
    }

    public Delete withWhere(Expr e) {
        return new Delete(format, table, Query.plus(wheres, List.of(e)), orderBy, limit, offset, suffixes);
    }

    public Delete withOrderBy(List<String> more) {
        return new Delete(format, table, wheres, Query.plus(orderBy, more), limit, offset, suffixes);
    }

    public Delete withLimit(long n) {
        return new Delete(format, table, wheres, orderBy, n, offset, suffixes);
    }

    public Delete withOffset(long n) {
        return new Delete(format, table, wheres, orderBy, limit, n, suffixes);
    }

    public Delete withSuffix(Fragment s) {
        return new Delete(format, table, wheres, orderBy, limit, offset, Query.plus(suffixes, List.of(s)));
    }

    @Override
    public Delete withFormat(Placeholders f) {
        return new Delete(f, table, wheres, orderBy, limit, offset, suffixes);
    }

    @Override
    public String label() {
        return "DeleteBuilder";
    }

    @Override
    public Fragment raw() throws BuildError {
        if (table == null || table.isEmpty()) {
            throw new BuildError("delete statements must specify a From table");
        }
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table);
        List<Object> args = new ArrayList<>();
        Query.conditions(sql, args, "WHERE", wheres);
        Query.tail(sql, args, orderBy, limit, offset, suffixes);
        return new Fragment(sql.toString(), args);
    }
}
