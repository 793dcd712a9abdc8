package dev.wippy.data.sql.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code [prefixes ]INSERT [options ]INTO t [(c1,c2) ]VALUES (?,?),(?,?)[ suffixes]}, or {@code ... SELECT ...}. */
public record Insert(Placeholders format, List<Fragment> prefixes, List<String> options, String table,
                     List<String> columns, List<List<Object>> rows, Select select, List<Fragment> suffixes)
        implements Query {

    public static Insert of(String table) {
        return new Insert(Placeholders.QUESTION, List.of(), List.of(), table, List.of(), List.of(), null, List.of());
    }

    public Insert into(String t) {
        return new Insert(format, prefixes, options, t, columns, rows, select, suffixes);
    }

    public Insert withColumns(List<String> more) {
        return new Insert(format, prefixes, options, table, Query.plus(columns, more), rows, select, suffixes);
    }

    /** One more row; values may be {@link Expr}s, inlined into the SQL. */
    public Insert withValues(List<Object> row) {
        return new Insert(format, prefixes, options, table, columns, Query.plus(rows, List.of(row)), select,
                suffixes);
    }

    /** Columns and values replaced by the map's sorted keys and one row. */
    public Insert withMap(Map<String, Object> sorted) {
        return new Insert(format, prefixes, options, table, List.copyOf(sorted.keySet()),
                List.of(new ArrayList<>(sorted.values())), select, suffixes);
    }

    public Insert withSelect(Select s) {
        return new Insert(format, prefixes, options, table, columns, rows, s, suffixes);
    }

    public Insert withPrefix(Fragment p) {
        return new Insert(format, Query.plus(prefixes, List.of(p)), options, table, columns, rows, select, suffixes);
    }

    public Insert withOptions(List<String> more) {
        return new Insert(format, prefixes, Query.plus(options, more), table, columns, rows, select, suffixes);
    }

    public Insert withSuffix(Fragment s) {
        return new Insert(format, prefixes, options, table, columns, rows, select, Query.plus(suffixes, List.of(s)));
    }

    @Override
    public Insert withFormat(Placeholders f) {
        return new Insert(f, prefixes, options, table, columns, rows, select, suffixes);
    }

    @Override
    public String label() {
        return "InsertBuilder";
    }

    @Override
    public Fragment raw() throws BuildError {
        if (table == null || table.isEmpty()) {
            throw new BuildError("insert statements must specify a table");
        }
        if (rows.isEmpty() && select == null) {
            throw new BuildError("insert statements must have at least one set of values or select clause");
        }
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (!prefixes.isEmpty()) {
            Fragment p = Fragment.join(prefixes, " ");
            sql.append(p.sql()).append(' ');
            args.addAll(p.args());
        }
        sql.append("INSERT ");
        if (!options.isEmpty()) {
            sql.append(String.join(" ", options)).append(' ');
        }
        sql.append("INTO ").append(table).append(' ');
        if (!columns.isEmpty()) {
            sql.append('(').append(String.join(",", columns)).append(") ");
        }
        if (select != null) {
            Fragment s = select.raw();
            sql.append(s.sql());
            args.addAll(s.args());
        } else {
            sql.append("VALUES ");
            for (int r = 0; r < rows.size(); r++) {
                sql.append(r == 0 ? "(" : ",(");
                List<Object> row = rows.get(r);
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        sql.append(',');
                    }
                    sql.append(Query.value(row.get(i), args));
                }
                sql.append(')');
            }
        }
        Query.suffixes(sql, args, suffixes);
        return new Fragment(sql.toString(), args);
    }
}
