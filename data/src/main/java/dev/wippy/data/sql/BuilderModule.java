package dev.wippy.data.sql;

import dev.wippy.data.sql.builder.BuildError;
import dev.wippy.data.sql.builder.Delete;
import dev.wippy.data.sql.builder.Expr;
import dev.wippy.data.sql.builder.Fragment;
import dev.wippy.data.sql.builder.Insert;
import dev.wippy.data.sql.builder.Placeholders;
import dev.wippy.data.sql.builder.Query;
import dev.wippy.data.sql.builder.Select;
import dev.wippy.data.sql.builder.Update;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sql.builder} (spec 08 §3.10): Lua bindings of the immutable statements of
 * {@link dev.wippy.data.sql.builder}. Wrong argument types raise; SQL generation errors come back from
 * {@code to_sql} and {@code run_with} as {@code nil, err} INVALID.
 */
final class BuilderModule {
    static final LuaTable TABLE = new LuaTable();
    private static final LuaTable SELECT = common("SelectBuilder", selectMethods());
    private static final LuaTable INSERT = common("InsertBuilder", insertMethods());
    private static final LuaTable UPDATE = common("UpdateBuilder", updateMethods());
    private static final LuaTable DELETE = common("DeleteBuilder", deleteMethods());
    private static final LuaTable EXPR;
    private static final LuaTable FORMAT;

    /** A builder as Lua sees it: an immutable query and the methods of its kind. */
    static final class Builder extends LuaUserdata {
        final Query query;

        Builder(Query query, LuaTable meta) {
            super(meta);
            this.query = query;
        }
    }

    /** An expression object of {@code builder.eq}, {@code builder.expr}, ... */
    static final class ExprValue extends LuaUserdata {
        final Expr expr;

        ExprValue(Expr expr) {
            super(EXPR);
            this.expr = expr;
        }
    }

    /** A placeholder format value ({@code builder.dollar}, ...). */
    static final class FormatValue extends LuaUserdata {
        final Placeholders format;

        FormatValue(Placeholders format) {
            super(FORMAT);
            this.format = format;
        }
    }

    @FunctionalInterface
    private interface Change<Q extends Query> {
        Query apply(LuaState s, Q q, Object[] a);
    }

    static {
        LuaTable exprMethods = new LuaTable();
        Methods.add(exprMethods, "to_sql", ExprValue.class, "sql.Expression", (s, e, a) -> {
            try {
                Fragment f = e.expr.render();
                return Multi.of(LuaString.of(f.sql()), argsTable(f.args()));
            } catch (BuildError x) {
                return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, x.getMessage()));
            }
        });
        EXPR = Methods.metatable("sql.Expression", exprMethods);
        EXPR.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> {
            ExprValue e = (ExprValue) a[0];
            try {
                Fragment f = e.expr.render();
                return LuaString.of("SQL: " + f.sql() + " [Args: " + goList(f.args()) + "]");
            } catch (BuildError x) {
                return LuaString.of("Expression Error: " + x.getMessage());
            }
        }));
        EXPR.freeze();
        FORMAT = Methods.metatable("sql.PlaceholderFormat", new LuaTable()).freeze();

        fn("select", (s, a) -> new Builder(Select.of(strings(s, a, 0)), SELECT));
        fn("insert", (s, a) -> new Builder(Insert.of(optString(s, a, 0)), INSERT));
        fn("update", (s, a) -> new Builder(Update.of(optString(s, a, 0)), UPDATE));
        fn("delete", (s, a) -> new Builder(Delete.of(optString(s, a, 0)), DELETE));
        fn("expr", (s, a) -> new ExprValue(new Expr.Raw(Args.checkString(s, a, 0).toString(), values(a, 1))));
        compare("eq", Expr.Op.EQ);
        compare("not_eq", Expr.Op.NOT_EQ);
        compare("lt", Expr.Op.LT);
        compare("lte", Expr.Op.LTE);
        compare("gt", Expr.Op.GT);
        compare("gte", Expr.Op.GTE);
        compare("like", Expr.Op.LIKE);
        compare("not_like", Expr.Op.NOT_LIKE);
        fn("and_", (s, a) -> new ExprValue(new Expr.Junction(true, exprList(s, a))));
        fn("or_", (s, a) -> new ExprValue(new Expr.Junction(false, exprList(s, a))));
        FormatValue question = new FormatValue(Placeholders.QUESTION);
        TABLE.putStr(LuaString.of("question"), question);
        TABLE.putStr(LuaString.of("default_placeholder"), question);
        TABLE.putStr(LuaString.of("dollar"), new FormatValue(Placeholders.DOLLAR));
        TABLE.putStr(LuaString.of("at"), new FormatValue(Placeholders.AT));
        TABLE.putStr(LuaString.of("colon"), new FormatValue(Placeholders.COLON));
        TABLE.freeze();
    }

    private BuilderModule() {
    }

    private static void fn(String name, JavaFunction.Body body) {
        TABLE.putStr(LuaString.of(name), new JavaFunction(name, body));
    }

    private static void compare(String name, Expr.Op op) {
        fn(name, (s, a) -> new ExprValue(new Expr.Compare(op, map(s, Args.checkTable(s, a, 0)))));
    }

    // ---------------------------------------------------------------- methods per statement

    private static LuaTable selectMethods() {
        LuaTable m = new LuaTable();
        method(m, "SelectBuilder", Select.class, "from", (s, q, a) -> q.withFrom(Args.checkString(s, a, 1).toString()));
        for (String[] join : new String[][] {{"join", "JOIN "}, {"left_join", "LEFT JOIN "},
                {"right_join", "RIGHT JOIN "}, {"inner_join", "INNER JOIN "}}) {
            method(m, "SelectBuilder", Select.class, join[0], (s, q, a) -> q.withJoin(
                    new Fragment(join[1] + Args.checkString(s, a, 1), plainArgs(a, 2))));
        }
        method(m, "SelectBuilder", Select.class, "where", (s, q, a) -> {
            if (Args.arg(a, 1) instanceof LuaString text && text.length() == 0) {
                return q;
            }
            return q.withWhere(condition(s, a));
        });
        method(m, "SelectBuilder", Select.class, "having", (s, q, a) -> q.withHaving(condition(s, a)));
        method(m, "SelectBuilder", Select.class, "order_by", (s, q, a) -> q.withOrderBy(strings(s, a, 1)));
        method(m, "SelectBuilder", Select.class, "group_by", (s, q, a) -> q.withGroupBy(strings(s, a, 1)));
        method(m, "SelectBuilder", Select.class, "limit", (s, q, a) -> q.withLimit(count(s, a)));
        method(m, "SelectBuilder", Select.class, "offset", (s, q, a) -> q.withOffset(count(s, a)));
        method(m, "SelectBuilder", Select.class, "columns", (s, q, a) -> q.withColumns(strings(s, a, 1)));
        method(m, "SelectBuilder", Select.class, "distinct", (s, q, a) -> q.withDistinct());
        method(m, "SelectBuilder", Select.class, "suffix", (s, q, a) -> q.withSuffix(fragment(s, a)));
        return m;
    }

    private static LuaTable insertMethods() {
        LuaTable m = new LuaTable();
        method(m, "InsertBuilder", Insert.class, "into", (s, q, a) -> q.into(Args.checkString(s, a, 1).toString()));
        method(m, "InsertBuilder", Insert.class, "columns", (s, q, a) -> q.withColumns(strings(s, a, 1)));
        method(m, "InsertBuilder", Insert.class, "values", (s, q, a) -> q.withValues(values(a, 1)));
        method(m, "InsertBuilder", Insert.class, "set_map", (s, q, a) -> q.withMap(map(s, Args.checkTable(s, a, 1))));
        method(m, "InsertBuilder", Insert.class, "select", (s, q, a) -> q.withSelect(selectArg(s, a, 1)));
        method(m, "InsertBuilder", Insert.class, "prefix", (s, q, a) -> q.withPrefix(fragment(s, a)));
        method(m, "InsertBuilder", Insert.class, "suffix", (s, q, a) -> q.withSuffix(fragment(s, a)));
        method(m, "InsertBuilder", Insert.class, "options", (s, q, a) -> q.withOptions(strings(s, a, 1)));
        return m;
    }

    private static LuaTable updateMethods() {
        LuaTable m = new LuaTable();
        method(m, "UpdateBuilder", Update.class, "table", (s, q, a) -> q.withTable(Args.checkString(s, a, 1)
                .toString()));
        method(m, "UpdateBuilder", Update.class, "set", (s, q, a) -> {
            String column = Args.checkString(s, a, 1).toString();
            Object v = Args.arg(a, 2);
            if (v instanceof LuaUserdata u && !(u instanceof SqlValue) && !(u instanceof ExprValue)) {
                throw Args.error(2, "value must be a plain value, sql.NULL, a typed value or an expression");
            }
            return q.withSet(column, builderValue(v));
        });
        method(m, "UpdateBuilder", Update.class, "set_map", (s, q, a) -> {
            Update u = q;
            for (Map.Entry<String, Object> e : map(s, Args.checkTable(s, a, 1)).entrySet()) {
                u = u.withSet(e.getKey(), e.getValue());
            }
            return u;
        });
        method(m, "UpdateBuilder", Update.class, "where", (s, q, a) -> q.withWhere(condition(s, a)));
        method(m, "UpdateBuilder", Update.class, "order_by", (s, q, a) -> q.withOrderBy(strings(s, a, 1)));
        method(m, "UpdateBuilder", Update.class, "limit", (s, q, a) -> q.withLimit(count(s, a)));
        method(m, "UpdateBuilder", Update.class, "offset", (s, q, a) -> q.withOffset(count(s, a)));
        method(m, "UpdateBuilder", Update.class, "suffix", (s, q, a) -> q.withSuffix(fragment(s, a)));
        method(m, "UpdateBuilder", Update.class, "from", (s, q, a) -> q.withFrom(
                new Fragment(Args.checkString(s, a, 1).toString(), List.of())));
        method(m, "UpdateBuilder", Update.class, "from_select", (s, q, a) -> {
            Select sel = selectArg(s, a, 1);
            String alias = Args.checkString(s, a, 2).toString();
            try {
                Fragment f = sel.raw();
                return q.withFrom(new Fragment("(" + f.sql() + ") AS " + alias, f.args()));
            } catch (BuildError x) {
                throw Args.error(1, x.getMessage());
            }
        });
        return m;
    }

    private static LuaTable deleteMethods() {
        LuaTable m = new LuaTable();
        method(m, "DeleteBuilder", Delete.class, "from", (s, q, a) -> q.withTable(Args.checkString(s, a, 1)
                .toString()));
        method(m, "DeleteBuilder", Delete.class, "where", (s, q, a) -> q.withWhere(condition(s, a)));
        method(m, "DeleteBuilder", Delete.class, "order_by", (s, q, a) -> q.withOrderBy(strings(s, a, 1)));
        method(m, "DeleteBuilder", Delete.class, "limit", (s, q, a) -> q.withLimit(count(s, a)));
        method(m, "DeleteBuilder", Delete.class, "offset", (s, q, a) -> q.withOffset(count(s, a)));
        method(m, "DeleteBuilder", Delete.class, "suffix", (s, q, a) -> q.withSuffix(fragment(s, a)));
        return m;
    }

    /** {@code placeholder_format}, {@code to_sql}, {@code run_with} and {@code tostring}, for every statement. */
    private static LuaTable common(String name, LuaTable methods) {
        Methods.add(methods, "placeholder_format", Builder.class, name, (s, b, a) -> {
            if (!(Args.arg(a, 1) instanceof FormatValue f)) {
                throw Args.typeError(s, a, 1, "placeholder format");
            }
            return new Builder(b.query.withFormat(f.format), b.getMetatable());
        });
        Methods.add(methods, "to_sql", Builder.class, name, (s, b, a) -> {
            try {
                Fragment f = b.query.build();
                return Multi.of(LuaString.of(f.sql()), argsTable(f.args()));
            } catch (BuildError x) {
                return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, x.getMessage()));
            }
        });
        Methods.add(methods, "run_with", Builder.class, name, (s, b, a) -> {
            if (!(Args.arg(a, 1) instanceof Target target)) {
                throw Args.typeError(s, a, 1, "sql.DB or sql.Transaction");
            }
            try {
                Fragment f = b.query.build();
                String sql = target.type().equals(SqlKinds.POSTGRES) && b.query.format() == Placeholders.QUESTION
                        ? Placeholders.DOLLAR.apply(b.query.raw().sql()) : f.sql();
                return new QueryExecutor(target, sql, f.args());
            } catch (BuildError x) {
                return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, x.getMessage()));
            }
        });
        LuaTable newMeta = Methods.metatable(name, methods);
        newMeta.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> {
            Builder b = (Builder) a[0];
            try {
                Fragment f = b.query.build();
                return LuaString.of(name + ": " + f.sql() + " [Args: " + goList(f.args()) + "]");
            } catch (BuildError x) {
                return LuaString.of(name + " Error: " + x.getMessage());
            }
        }));
        return newMeta.freeze();
    }

    private static <Q extends Query> void method(LuaTable m, String name, Class<Q> type, String method,
                                                 Change<Q> change) {
        Methods.add(m, method, Builder.class, name, (s, b, a) -> {
            Query changed = change.apply(s, type.cast(b.query), a);
            return changed == b.query ? b : new Builder(changed, b.getMetatable());
        });
    }

    // ---------------------------------------------------------------- arguments

    /** String arguments from {@code a[from]} on; anything else raises. */
    private static List<String> strings(LuaState s, Object[] a, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < a.length; i++) {
            if (!(a[i] instanceof LuaString text)) {
                throw Args.typeError(s, a, i, "string");
            }
            out.add(text.toString());
        }
        return out;
    }

    private static String optString(LuaState s, Object[] a, int i) {
        return Args.isNoneOrNil(a, i) ? null : Args.checkString(s, a, i).toString();
    }

    private static long count(LuaState s, Object[] a) {
        return Math.max(0, Args.checkInteger(s, a, 1));
    }

    /** Variadic arguments where only plain scalars count. */
    private static List<Object> plainArgs(Object[] a, int from) {
        List<Object> out = new ArrayList<>();
        for (int i = from; i < a.length; i++) {
            out.add(Params.plain(a[i]));
        }
        return out;
    }

    /** Values where {@code sql.NULL}, typed values and expressions count. */
    private static List<Object> values(Object[] a, int from) {
        List<Object> out = new ArrayList<>();
        for (int i = from; i < a.length; i++) {
            out.add(builderValue(a[i]));
        }
        return out;
    }

    private static Object builderValue(Object v) {
        return v instanceof ExprValue e ? e.expr : Params.value(v);
    }

    /** A map argument: string keys only, sorted; nested tables are NULL. */
    private static Map<String, Object> map(LuaState s, LuaTable t) {
        Map<String, Object> out = new TreeMap<>();
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            if (t.slotKey(slot) instanceof LuaString k && t.slotValue(slot) != null) {
                out.put(k.toString(), builderValue(t.slotValue(slot)));
            }
        }
        return out;
    }

    /** A where/having condition: text with arguments, an equality map, or an expression; anything else raises. */
    private static Expr condition(LuaState s, Object[] a) {
        Object c = Args.arg(a, 1);
        if (c instanceof LuaString text) {
            return new Expr.Raw(text.toString(), plainArgs(a, 2));
        }
        if (c instanceof LuaTable t) {
            return new Expr.Compare(Expr.Op.EQ, map(s, t));
        }
        if (c instanceof ExprValue e) {
            return e.expr;
        }
        throw Args.typeError(s, a, 1, "string, table or expression");
    }

    private static List<Expr> exprList(LuaState s, Object[] a) {
        LuaTable list = Args.checkTable(s, a, 0);
        List<Expr> out = new ArrayList<>();
        for (long i = 1; i <= list.length(); i++) {
            Object v = list.getInt(i);
            if (v instanceof ExprValue e) {
                out.add(e.expr);
            } else if (v instanceof LuaTable t) {
                out.add(new Expr.Compare(Expr.Op.EQ, map(s, t)));
            } else {
                throw Args.error(0, "element " + i + " must be an expression or a table");
            }
        }
        return out;
    }

    private static Fragment fragment(LuaState s, Object[] a) {
        return new Fragment(Args.checkString(s, a, 1).toString(), plainArgs(a, 2));
    }

    private static Select selectArg(LuaState s, Object[] a, int i) {
        if (Args.arg(a, i) instanceof Builder b && b.query instanceof Select sel) {
            return sel;
        }
        throw Args.typeError(s, a, i, "SelectBuilder");
    }

    // ---------------------------------------------------------------- results

    /** Bound values as a Lua array; NULL leaves a hole. */
    static LuaTable argsTable(List<Object> args) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < args.size(); i++) {
            Object v = lua(args.get(i));
            if (v != null) {
                t.putInt(i + 1, v);
            }
        }
        return t;
    }

    private static Object lua(Object bound) {
        return switch (bound) {
            case String text -> LuaString.of(text);
            case byte[] bytes -> LuaString.copyOf(bytes);
            case null, default -> bound;
        };
    }

    /** Go's {@code %v} of an argument list: {@code [1 hello <nil>]}. */
    static String goList(List<Object> args) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            Object v = args.get(i);
            b.append(switch (v) {
                case null -> "<nil>";
                case byte[] bytes -> java.util.Arrays.toString(bytes).replace(",", "");
                case Double d -> dev.wippy.lua.vm.LuaNumbers.toString(d);
                default -> v.toString();
            });
        }
        return b.append(']').toString();
    }
}
