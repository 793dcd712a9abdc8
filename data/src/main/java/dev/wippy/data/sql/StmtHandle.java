package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A prepared statement (spec 08 §3.7). On a database it is prepared on whichever pooled connection runs it (the
 * driver caches the server-side plan per connection); on a transaction it is prepared once on the transaction's
 * connection and fails with the driver's error once that transaction has ended.
 */
final class StmtHandle extends LuaUserdata implements Owned.Resource {
    static final String NAME = "sql.Statement";
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "query", StmtHandle.class, NAME, (s, st, a) -> st.run(s, a, true));
        Methods.add(m, "execute", StmtHandle.class, NAME, (s, st, a) -> st.run(s, a, false));
        Methods.add(m, "close", StmtHandle.class, NAME, (s, st, a) -> {
            if (st.closed) {
                return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, "statement is already closed"));
            }
            st.end();
            st.owned.remove(st);
            return Boolean.TRUE;
        });
        META = Methods.metatable(NAME, m).freeze();
    }

    private final Target target;
    private final String sql;
    /** The statement prepared on a transaction's connection; null on a database. */
    private final PreparedStatement prepared;
    private final Owned owned;
    private volatile boolean closed;

    private StmtHandle(Target target, String sql, PreparedStatement prepared, Owned owned) {
        super(META);
        this.target = target;
        this.sql = sql;
        this.prepared = prepared;
        this.owned = owned;
    }

    static StmtHandle onDatabase(LuaState s, DbHandle db, String sql) {
        return track(new StmtHandle(db, sql, null, Owned.of(s)));
    }

    static Object onTransaction(LuaState s, TxHandle tx, String sql) {
        try {
            boolean sqlite = tx.type().equals(SqlKinds.SQLITE);
            PreparedStatement ps = tx.use(s, (conn, running) -> Statements.prepare(conn, sql, sqlite));
            return track(new StmtHandle(tx, sql, ps, Owned.of(s)));
        } catch (SQLException e) {
            return SqlFailure.driver("tx prepare", e);
        }
    }

    private static StmtHandle track(StmtHandle st) {
        st.owned.add(st);
        return st;
    }

    private Object run(LuaState s, Object[] a, boolean query) {
        if (closed) {
            return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, "statement is closed"));
        }
        List<Object> params = DbHandle.params(s, a, 1);
        if (params == null) {
            return DbHandle.badParams(s, a, 1);
        }
        String op = query ? "stmt query" : "stmt execute";
        boolean sqlite = target.type().equals(SqlKinds.SQLITE);
        try {
            return target.use(s, (conn, running) -> {
                List<Object> values = Statements.values(sql, params, sqlite);
                if (prepared != null) {
                    running.track(prepared);
                    return query ? Statements.rows(prepared, values, sqlite)
                            : Statements.counts(conn, prepared, values, sqlite);
                }
                try (PreparedStatement ps = running.track(Statements.prepare(conn, sql, sqlite))) {
                    return query ? Statements.rows(ps, values, sqlite) : Statements.counts(conn, ps, values, sqlite);
                }
            });
        } catch (SQLException e) {
            return SqlFailure.driver(op, e);
        }
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public void end() {
        closed = true;
        if (prepared != null) {
            try {
                prepared.close();
            } catch (SQLException ignored) {
                // closed with its transaction's connection already
            }
        }
    }

    @Override
    public String toString() {
        return NAME + "{" + sql + "}";
    }
}
