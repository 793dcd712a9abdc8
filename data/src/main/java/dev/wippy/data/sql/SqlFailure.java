package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.util.Map;

/**
 * Errors of the {@code sql} module (spec 08 §3.8, §3.11): driver errors are unclassified (kind {@code ""}) with the
 * engine's own text ({@code no such table: t}; {@code pq: <message> (<SQLSTATE>)}) wrapped with the operation that
 * failed; the SQLSTATE or SQLite result code is in the details as {@code code}. Module errors have a kind.
 */
public final class SqlFailure {
    private SqlFailure() {
    }

    /** {@code nil, err} for a driver error of {@code operation}. */
    static Object driver(String operation, SQLException e) {
        return Multi.of(null, error(operation, e));
    }

    static ErrorObject error(String operation, SQLException e) {
        String code = code(e);
        ErrorObject inner = ErrorObject.of(ErrorObject.UNKNOWN, text(e), null,
                code == null ? null : Map.of("code", LuaString.of(code)));
        return ErrorObject.wrap(inner, operation);
    }

    /** {@code nil, err} of a kind. */
    static Object of(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message));
    }

    /** The engine's message, as applications search it. */
    public static String text(SQLException e) {
        if (e instanceof SQLiteException lite) {
            return sqliteMessage(lite);
        }
        if (e instanceof PSQLException pg) {
            ServerErrorMessage server = pg.getServerErrorMessage();
            if (server != null) {
                String at = server.getPosition() > 0 ? " at column " + server.getPosition() : "";
                return "pq: " + server.getMessage() + at + " (" + server.getSQLState() + ")";
            }
            return "pq: " + pg.getMessage();
        }
        return e.getMessage();
    }

    private static String code(SQLException e) {
        if (e instanceof SQLiteException lite) {
            return lite.getResultCode().name();
        }
        return e.getSQLState();
    }

    /** SQLite's own message: the driver writes {@code [CODE] description (message)}. */
    private static String sqliteMessage(SQLiteException e) {
        String m = e.getMessage();
        int open = m.indexOf(" (");
        if (m.startsWith("[") && open > 0 && m.endsWith(")")) {
            return m.substring(open + 2, m.length() - 1);
        }
        return m;
    }
}
