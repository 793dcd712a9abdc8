package dev.wippy.data.sql;

import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.lua.Methods;

import java.util.List;

/** What {@code builder:run_with(db_or_tx)} returns (spec 08 §3.10.6): the SQL generated once, run on its target. */
final class QueryExecutor extends LuaUserdata {
    private static final String NAME = "sql.QueryExecutor";
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "query", QueryExecutor.class, NAME, (s, ex, a) ->
                Statements.query(s, ex.target, ex.target instanceof TxHandle ? "tx query" : "query", ex.sql, ex.args));
        Methods.add(m, "exec", QueryExecutor.class, NAME, (s, ex, a) ->
                Statements.execute(s, ex.target, ex.target instanceof TxHandle ? "tx execute" : "execute", ex.sql,
                        ex.args));
        Methods.add(m, "to_sql", QueryExecutor.class, NAME, (s, ex, a) ->
                Multi.of(LuaString.of(ex.sql), BuilderModule.argsTable(ex.args)));
        META = Methods.metatable(NAME, m);
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> {
            QueryExecutor ex = (QueryExecutor) a[0];
            return LuaString.of("QueryExecutor: " + ex.sql + " [Args: " + ex.args.size() + "]");
        }));
        META.freeze();
    }

    private final Target target;
    private final String sql;
    private final List<Object> args;

    QueryExecutor(Target target, String sql, List<Object> args) {
        super(META);
        this.target = target;
        this.sql = sql;
        this.args = args;
    }
}
