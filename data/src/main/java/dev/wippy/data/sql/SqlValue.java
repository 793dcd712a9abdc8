package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;

/**
 * {@code sql.NULL} and the typed values of {@code sql.as.*} (spec 08 §3.9): opaque userdata that parameter lists
 * and the query builder bind as the value they carry ({@code null} for SQL NULL; a {@link Long}, {@link Double},
 * {@link String} or {@code byte[]} otherwise).
 */
public final class SqlValue extends LuaUserdata {
    private static final LuaTable META = new LuaTable();

    static {
        META.putStr(MetaNames.NAME, LuaString.of("sql.Value"));
        META.putStr(MetaNames.TOSTRING, new dev.wippy.lua.vm.JavaFunction("tostring", (s, a) ->
                LuaString.of(a[0] instanceof SqlValue v ? v.describe() : "sql.Value")));
        META.freeze();
    }

    /** {@code sql.NULL}, also what {@code sql.as.null()} returns. */
    public static final SqlValue NULL = new SqlValue(null);

    private final Object bound;

    private SqlValue(Object bound) {
        super(META);
        this.bound = bound;
    }

    static SqlValue of(Object bound) {
        return bound == null ? NULL : new SqlValue(bound);
    }

    /** What is bound: null, Long, Double, String or byte[]. */
    public Object bound() {
        return bound;
    }

    private String describe() {
        if (bound == null) {
            return "sql.NULL";
        }
        return "sql.Value(" + (bound instanceof byte[] b ? b.length + " bytes" : bound) + ")";
    }
}
