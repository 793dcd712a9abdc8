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
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A transaction (spec 08 §3.6): one pooled connection held from {@code begin} until {@code commit} or
 * {@code rollback} completes, successfully or not; every method of an ended transaction fails with INVALID. Rolled
 * back when its execution ends still active.
 */
final class TxHandle extends LuaUserdata implements Target, Owned.Resource {
    static final String NAME = "sql.Transaction";
    private static final LuaString NOT_ACTIVE = LuaString.of("transaction is not active");
    private static final Pattern SAVEPOINT = Pattern.compile("[A-Za-z0-9_]+");
    private static final Map<String, Integer> ISOLATION = Map.of(
            "read_uncommitted", Connection.TRANSACTION_READ_UNCOMMITTED,
            "read_committed", Connection.TRANSACTION_READ_COMMITTED,
            "repeatable_read", Connection.TRANSACTION_REPEATABLE_READ,
            "serializable", Connection.TRANSACTION_SERIALIZABLE);
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        active(m, "db_type", (s, tx, a) -> LuaString.of(tx.type()));
        active(m, "query", (s, tx, a) -> {
            String sql = Args.checkString(s, a, 1).toString();
            List<Object> params = DbHandle.params(s, a, 2);
            return params == null ? DbHandle.badParams(s, a, 2) : Statements.query(s, tx, "tx query", sql, params);
        });
        active(m, "execute", (s, tx, a) -> {
            String sql = Args.checkString(s, a, 1).toString();
            List<Object> params = DbHandle.params(s, a, 2);
            return params == null ? DbHandle.badParams(s, a, 2)
                    : Statements.execute(s, tx, "tx execute", sql, params);
        });
        active(m, "prepare", (s, tx, a) -> StmtHandle.onTransaction(s, tx, Args.checkString(s, a, 1).toString()));
        active(m, "commit", (s, tx, a) -> tx.finish(s, true));
        active(m, "rollback", (s, tx, a) -> tx.finish(s, false));
        active(m, "savepoint", (s, tx, a) -> tx.savepoint(s, a, "SAVEPOINT "));
        active(m, "rollback_to", (s, tx, a) -> tx.savepoint(s, a, "ROLLBACK TO SAVEPOINT "));
        active(m, "release", (s, tx, a) -> tx.savepoint(s, a, "RELEASE SAVEPOINT "));
        META = Methods.metatable(NAME, m);
        META.putStr(MetaNames.TOSTRING, new dev.wippy.lua.vm.JavaFunction("tostring", (s, a) ->
                LuaString.of(NAME + (a[0] instanceof TxHandle t && t.active ? "{active}" : "{done}"))));
        META.freeze();
    }

    private final Database database;
    private final Connection conn;
    private final Owned owned;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean active = true;

    private TxHandle(Database database, Connection conn, Owned owned) {
        super(META);
        this.database = database;
        this.conn = conn;
        this.owned = owned;
    }

    /** A method that fails with INVALID once the transaction has ended. */
    private static void active(LuaTable m, String name, Methods.Body<TxHandle> body) {
        Methods.add(m, name, TxHandle.class, NAME, (s, tx, a) -> tx.active ? body.call(s, tx, a)
                : Multi.of(null, ErrorObject.of(ErrorObject.INVALID, NOT_ACTIVE.toString())));
    }

    /** {@code db:begin(opts)}: the options are checked before the database is touched. */
    static Object begin(LuaState s, DbHandle db, Object opts) {
        Integer isolation = null;
        boolean readOnly = false;
        boolean unsupported = false;
        if (opts instanceof LuaTable t) {
            if (t.getStr(LuaString.of("isolation")) instanceof LuaString level) {
                String name = level.toString();
                if (name.equals("write_committed")) {
                    unsupported = true;
                } else if (!name.equals("default")) {
                    isolation = ISOLATION.get(name);
                    if (isolation == null) {
                        return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, "invalid isolation level: "
                                + name));
                    }
                }
            }
            readOnly = t.getStr(LuaString.of("read_only")) instanceof Boolean b && b;
        }
        boolean sqlite = db.type().equals(SqlKinds.SQLITE);
        if (unsupported && !sqlite) {
            return SqlFailure.driver("begin", new SQLException("isolation level write_committed is not supported"));
        }
        Integer level = sqlite ? null : isolation;
        boolean ro = !sqlite && readOnly;
        Connection conn;
        try {
            conn = Blocking.run(s, running -> {
                Connection c = db.database.connection();
                try {
                    if (level != null) {
                        c.setTransactionIsolation(level);
                    }
                    if (ro) {
                        c.setReadOnly(true);
                    }
                    c.setAutoCommit(false);
                    return c;
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
            });
        } catch (SQLException e) {
            return SqlFailure.driver("begin", e);
        }
        Owned owned = Owned.of(s);
        TxHandle tx = new TxHandle(db.database, conn, owned);
        owned.add(tx);
        return tx;
    }

    @Override
    public String type() {
        return database.type();
    }

    boolean isActive() {
        return active;
    }

    @Override
    public <T> T use(LuaState s, ConnectionWork<T> work) throws SQLException {
        return Blocking.run(s, running -> {
            lock.lock();
            try {
                return work.run(conn, running);
            } finally {
                lock.unlock();
            }
        });
    }

    private Object finish(LuaState s, boolean commit) {
        active = false;
        owned.remove(this);
        try {
            use(s, (c, running) -> {
                try {
                    if (commit) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                } finally {
                    c.close();
                }
                return null;
            });
            return Boolean.TRUE;
        } catch (SQLException e) {
            return SqlFailure.driver(commit ? "tx commit" : "tx rollback", e);
        }
    }

    private Object savepoint(LuaState s, Object[] a, String statement) {
        String name = Args.checkString(s, a, 1).toString();
        if (name.isEmpty()) {
            return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, "savepoint name is required"));
        }
        if (!SAVEPOINT.matcher(name).matches()) {
            return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, "invalid savepoint name: " + name
                    + " (letters, digits and _ only)"));
        }
        try {
            use(s, (c, running) -> {
                try (Statement st = running.track(c.createStatement())) {
                    st.execute(statement + name);
                }
                return null;
            });
            return Boolean.TRUE;
        } catch (SQLException e) {
            return SqlFailure.driver("savepoint", e);
        }
    }

    /** Rolls back a transaction its execution left open. */
    @Override
    public int rank() {
        return 0;
    }

    @Override
    public void end() {
        if (!active) {
            return;
        }
        active = false;
        lock.lock();
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // a broken connection has nothing to roll back; closing it below returns or evicts it
        } finally {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // the pool evicts a connection it cannot reset
            }
            lock.unlock();
        }
    }
}
