package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Running one statement on a target: all rows of a query, or the counts of an execute (spec 08 §3.3, §3.5). */
final class Statements {
    static final LuaString ROWS_AFFECTED = LuaString.of("rows_affected");
    static final LuaString LAST_INSERT_ID = LuaString.of("last_insert_id");

    private Statements() {
    }

    /** {@code rows, nil} or {@code nil, err} wrapped with {@code op}. */
    static Object query(LuaState s, Target target, String op, String sql, List<Object> params) {
        boolean sqlite = target.type().equals(SqlKinds.SQLITE);
        try {
            return target.use(s, (conn, running) -> {
                try (PreparedStatement ps = running.track(prepare(conn, sql, sqlite))) {
                    return rows(ps, values(sql, params, sqlite), sqlite);
                }
            });
        } catch (SQLException e) {
            return SqlFailure.driver(op, e);
        }
    }

    /** {@code {rows_affected, last_insert_id}, nil} or {@code nil, err} wrapped with {@code op}. */
    static Object execute(LuaState s, Target target, String op, String sql, List<Object> params) {
        boolean sqlite = target.type().equals(SqlKinds.SQLITE);
        try {
            return target.use(s, (conn, running) -> {
                try (PreparedStatement ps = running.track(prepare(conn, sql, sqlite))) {
                    return counts(conn, ps, values(sql, params, sqlite), sqlite);
                }
            });
        } catch (SQLException e) {
            return SqlFailure.driver(op, e);
        }
    }

    /** A statement of the engine's own SQL text (PostgreSQL's {@code $n} rewritten for the driver). */
    static PreparedStatement prepare(Connection conn, String sql, boolean sqlite) throws SQLException {
        return conn.prepareStatement(sqlite ? sql : PostgresPlaceholders.of(sql).sql);
    }

    /** The parameters in the order the prepared statement binds them. */
    static List<Object> values(String sql, List<Object> params, boolean sqlite) throws SQLException {
        return sqlite ? params : PostgresPlaceholders.of(sql).bind(params);
    }

    static LuaTable rows(PreparedStatement ps, List<Object> params, boolean sqlite) throws SQLException {
        Params.bind(ps, params);
        if (!ps.execute()) {
            return new LuaTable();
        }
        try (ResultSet rs = ps.getResultSet()) {
            return Rows.read(rs, sqlite);
        }
    }

    static LuaTable counts(Connection conn, PreparedStatement ps, List<Object> params, boolean sqlite)
            throws SQLException {
        Params.bind(ps, params);
        long affected = ps.execute() ? 0 : Math.max(0, ps.getLargeUpdateCount());
        LuaTable t = new LuaTable(0, 2);
        t.putStr(ROWS_AFFECTED, affected);
        t.putStr(LAST_INSERT_ID, sqlite ? lastInsertRowid(conn) : 0L);
        return t;
    }

    private static long lastInsertRowid(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
