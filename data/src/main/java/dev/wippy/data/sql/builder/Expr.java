package dev.wippy.data.sql.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A condition or expression of the query builder (spec 08 §3.10.3): raw SQL with arguments, a comparison built from
 * a map of columns to values, or a parenthesised AND/OR of other expressions. Map keys come sorted; a null value is
 * SQL NULL. Values may be expressions themselves, which are inlined.
 */
public sealed interface Expr {
    Fragment render() throws BuildError;

    /** SQL text verbatim with its arguments. */
    record Raw(String sql, List<Object> args) implements Expr {
        @Override
        public Fragment render() {
            return new Fragment(sql, args);
        }
    }

    /** The comparison operators of the map functions. */
    enum Op {
        EQ("=", "IS NULL", "(1=1)", null),
        NOT_EQ("<>", "IS NOT NULL", "(1=1)", null),
        LT("<", null, "", "cannot use null with less than or greater than operators"),
        LTE("<=", null, "", "cannot use null with less than or greater than operators"),
        GT(">", null, "", "cannot use null with less than or greater than operators"),
        GTE(">=", null, "", "cannot use null with less than or greater than operators"),
        LIKE("LIKE", null, "", "cannot use null with like operators"),
        NOT_LIKE("NOT LIKE", null, "", "cannot use null with like operators");

        final String sql;
        final String nullForm;
        final String empty;
        final String nullError;

        Op(String sql, String nullForm, String empty, String nullError) {
            this.sql = sql;
            this.nullForm = nullForm;
            this.empty = empty;
            this.nullError = nullError;
        }
    }

    /** {@code k1 op ? AND k2 op ?} over the sorted keys of {@code columns}. */
    record Compare(Op op, Map<String, Object> columns) implements Expr {
        @Override
        public Fragment render() throws BuildError {
            if (columns.isEmpty()) {
                return new Fragment(op.empty, List.of());
            }
            List<Fragment> parts = new ArrayList<>();
            for (Map.Entry<String, Object> e : columns.entrySet()) {
                Object v = e.getValue();
                if (v == null) {
                    if (op.nullForm == null) {
                        throw new BuildError(op.nullError);
                    }
                    parts.add(new Fragment(e.getKey() + " " + op.nullForm, List.of()));
                } else if (v instanceof Expr x) {
                    Fragment f = x.render();
                    parts.add(new Fragment(e.getKey() + " " + op.sql + " " + f.sql(), f.args()));
                } else {
                    parts.add(new Fragment(e.getKey() + " " + op.sql + " ?", List.of(v)));
                }
            }
            return Fragment.join(parts, " AND ");
        }
    }

    /** {@code (a AND b)} or {@code (a OR b)}; empty: {@code (1=1)} resp. {@code (1=0)}. */
    record Junction(boolean and, List<Expr> parts) implements Expr {
        @Override
        public Fragment render() throws BuildError {
            if (parts.isEmpty()) {
                return new Fragment(and ? "(1=1)" : "(1=0)", List.of());
            }
            List<Fragment> rendered = new ArrayList<>();
            for (Expr e : parts) {
                rendered.add(e.render());
            }
            Fragment joined = Fragment.join(rendered, and ? " AND " : " OR ");
            return new Fragment("(" + joined.sql() + ")", joined.args());
        }
    }
}
