package dev.wippy.data.sql;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A {@code DB} handle of {@code sql.get} (spec 08 §3.3): statements on pooled connections, one per call. */
final class DbHandle extends LuaUserdata implements Target, Owned.Resource {
    static final String NAME = "sql.DB";
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "type", DbHandle.class, NAME, (s, db, a) -> LuaString.of(db.type()));
        Methods.add(m, "query", DbHandle.class, NAME, (s, db, a) -> {
            String sql = Args.checkString(s, a, 1).toString();
            List<Object> params = params(s, a, 2);
            return params == null ? badParams(s, a, 2) : Statements.query(s, db, "query", sql, params);
        });
        Methods.add(m, "execute", DbHandle.class, NAME, (s, db, a) -> {
            String sql = Args.checkString(s, a, 1).toString();
            List<Object> params = params(s, a, 2);
            return params == null ? badParams(s, a, 2) : Statements.execute(s, db, "execute", sql, params);
        });
        Methods.add(m, "prepare", DbHandle.class, NAME, (s, db, a) -> {
            String sql = Args.checkString(s, a, 1).toString();
            try {
                db.use(s, (conn, running) -> {
                    Statements.prepare(conn, sql, db.type().equals(SqlKinds.SQLITE)).close();
                    return null;
                });
            } catch (SQLException e) {
                return SqlFailure.driver("prepare", e);
            }
            return StmtHandle.onDatabase(s, db, sql);
        });
        Methods.add(m, "begin", DbHandle.class, NAME, (s, db, a) -> TxHandle.begin(s, db, Args.arg(a, 1)));
        Methods.add(m, "release", DbHandle.class, NAME, (s, db, a) -> {
            db.end();
            db.owned.remove(db);
            return Boolean.TRUE;
        });
        Methods.add(m, "stats", DbHandle.class, NAME, (s, db, a) -> {
            LuaTable t = new LuaTable();
            for (Map.Entry<String, Object> e : db.database.stats().entrySet()) {
                Object v = e.getValue();
                t.putStr(LuaString.of(e.getKey()), v instanceof String text ? LuaString.of(text) : v);
            }
            return t.freeze();
        });
        META = Methods.metatable(NAME, m);
        META.putStr(MetaNames.TOSTRING, new dev.wippy.lua.vm.JavaFunction("tostring", (s, a) ->
                LuaString.of(NAME + "{" + (a[0] instanceof DbHandle d ? d.database.config.id() : "") + "}")));
        META.freeze();
    }

    final Database database;
    private final Owned owned;
    private boolean released;

    private DbHandle(Database database, Owned owned) {
        super(META);
        this.database = database;
        this.owned = owned;
    }

    /** A handle on {@code database} for the execution of {@code s}; null when the pool is closed. */
    static DbHandle claim(LuaState s, Database database) {
        if (!database.claim()) {
            return null;
        }
        Owned owned = Owned.of(s);
        DbHandle h = new DbHandle(database, owned);
        owned.add(h);
        return h;
    }

    @Override
    public String type() {
        return database.type();
    }

    @Override
    public <T> T use(LuaState s, ConnectionWork<T> work) throws SQLException {
        return Blocking.run(s, running -> {
            try (Connection conn = database.connection()) {
                return work.run(conn, running);
            }
        });
    }

    @Override
    public int rank() {
        return 2;
    }

    @Override
    public synchronized void end() {
        if (!released) {
            released = true;
            database.unclaim();
        }
    }

    /** The parameter list at {@code a[i]}: empty when absent or nil, null when it is not a table. */
    static List<Object> params(LuaState s, Object[] a, int i) {
        Object p = Args.arg(a, i);
        if (p == null) {
            return List.of();
        }
        return p instanceof LuaTable t ? Params.list(t) : null;
    }

    static Object badParams(LuaState s, Object[] a, int i) {
        return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, "parameters must be a table, got "
                + dev.wippy.lua.vm.Interop.typeName(Args.arg(a, i))));
    }
}
