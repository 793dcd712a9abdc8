package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Result rows as Lua tables (spec 08 §3.5): one table per row mapping column names to values, NULL columns absent,
 * the later of two equal names winning. How a column becomes a Lua value depends on the engine.
 */
final class Rows {
    private Rows() {
    }

    /** Reads a column of the current row. */
    @FunctionalInterface
    private interface Reader {
        Object read(ResultSet rs, int column) throws SQLException;
    }

    static LuaTable read(ResultSet rs, boolean sqlite) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        LuaString[] names = new LuaString[n];
        Reader[] readers = new Reader[n];
        for (int i = 0; i < n; i++) {
            names[i] = LuaString.of(meta.getColumnLabel(i + 1));
            readers[i] = sqlite ? sqliteReader(meta.getColumnTypeName(i + 1)) : postgresReader(meta, i + 1);
        }
        LuaTable rows = new LuaTable();
        long count = 0;
        while (rs.next()) {
            LuaTable row = new LuaTable(0, n);
            for (int i = 0; i < n; i++) {
                Object v = readers[i].read(rs, i + 1);
                if (v != null) {
                    row.putStr(names[i], v);
                }
            }
            rows.putInt(++count, row);
        }
        return rows;
    }

    /** SQLite values by storage class; the declared types BOOLEAN, DATE, DATETIME and TIMESTAMP convert. */
    private static Reader sqliteReader(String declared) {
        String type = declared == null ? "" : declared.toUpperCase(java.util.Locale.ROOT);
        return switch (type) {
            case "BOOLEAN" -> (rs, c) -> {
                Object v = storage(rs, c);
                return v instanceof Long l ? (Object) (l > 0) : v;
            };
            case "DATE", "DATETIME", "TIMESTAMP" -> (rs, c) -> SqliteDates.rfc3339(storage(rs, c));
            default -> Rows::storage;
        };
    }

    /** A SQLite value as stored: integer, real, text or blob. */
    private static Object storage(ResultSet rs, int c) throws SQLException {
        Object v = rs.getObject(c);
        return switch (v) {
            case null -> null;
            case Integer i -> (long) i;
            case Long l -> l;
            case Double d -> d;
            case Float f -> (double) f;
            case byte[] b -> LuaString.wrap(b);
            default -> LuaString.of(v.toString());
        };
    }

    private static Reader postgresReader(ResultSetMetaData meta, int column) throws SQLException {
        String name = meta.getColumnTypeName(column);
        return switch (meta.getColumnType(column)) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> (rs, c) -> {
                long v = rs.getLong(c);
                return rs.wasNull() ? null : v;
            };
            case Types.REAL, Types.DOUBLE, Types.FLOAT -> (rs, c) -> {
                double v = rs.getDouble(c);
                return rs.wasNull() ? null : v;
            };
            case Types.BIT, Types.BOOLEAN -> "bool".equals(name) ? (rs, c) -> {
                boolean v = rs.getBoolean(c);
                return rs.wasNull() ? null : v;
            } : Rows::text;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> (rs, c) -> {
                byte[] v = rs.getBytes(c);
                return v == null ? null : LuaString.wrap(v);
            };
            case Types.TIMESTAMP -> "timestamptz".equals(name) ? Rows::instant : (rs, c) -> {
                LocalDateTime v = rs.getObject(c, LocalDateTime.class);
                return v == null ? null : SqliteDates.format(v.atOffset(ZoneOffset.UTC));
            };
            case Types.TIMESTAMP_WITH_TIMEZONE -> Rows::instant;
            case Types.DATE -> (rs, c) -> {
                LocalDate v = rs.getObject(c, LocalDate.class);
                return v == null ? null : SqliteDates.format(v.atStartOfDay().atOffset(ZoneOffset.UTC));
            };
            case Types.TIME -> "timetz".equals(name) ? (rs, c) -> {
                OffsetTime v = rs.getObject(c, OffsetTime.class);
                return v == null ? null : SqliteDates.format(v.withOffsetSameInstant(ZoneOffset.UTC)
                        .atDate(LocalDate.of(0, 1, 1)));
            } : (rs, c) -> {
                LocalTime v = rs.getObject(c, LocalTime.class);
                return v == null ? null : SqliteDates.format(v.atDate(LocalDate.of(0, 1, 1))
                        .atOffset(ZoneOffset.UTC));
            };
            default -> Rows::text;
        };
    }

    private static Object instant(ResultSet rs, int c) throws SQLException {
        OffsetDateTime v = rs.getObject(c, OffsetDateTime.class);
        return v == null ? null : SqliteDates.format(v);
    }

    /** The server's text form: decimals exactly, uuid, json, arrays, intervals. */
    private static Object text(ResultSet rs, int c) throws SQLException {
        String v = rs.getString(c);
        return v == null ? null : LuaString.of(v);
    }
}
