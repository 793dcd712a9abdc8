package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Lua values as SQL parameters (spec 08 §3.4). A bound value is null (NULL), a Boolean, Long, Double, String
 * (text) or byte[] (BLOB / bytea); tables, functions and other userdata bind NULL.
 */
public final class Params {
    private Params() {
    }

    /** The bound form of a value where {@code sql.NULL} and typed values count. */
    public static Object value(Object lua) {
        if (lua instanceof SqlValue v) {
            return v.bound();
        }
        return plain(lua);
    }

    /** The bound form of a value where only plain scalars count (any userdata binds NULL). */
    public static Object plain(Object lua) {
        if (lua instanceof Boolean || lua instanceof Long || lua instanceof Double) {
            return lua;
        }
        if (lua instanceof LuaString s) {
            return s.toString();
        }
        return null;
    }

    /** Positions 1..n of {@code t}, n its highest positive integer key; holes are NULL, other keys ignored. */
    public static List<Object> list(LuaTable t) {
        long n = 0;
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            if (t.slotKey(slot) instanceof Long k && k > n && t.slotValue(slot) != null) {
                n = k;
            }
        }
        List<Object> out = new ArrayList<>((int) n);
        for (long i = 1; i <= n; i++) {
            out.add(value(t.getInt(i)));
        }
        return out;
    }

    static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            int at = i + 1;
            switch (v) {
                case null -> ps.setNull(at, Types.NULL);
                case Boolean b -> ps.setBoolean(at, b);
                case Long l -> ps.setLong(at, l);
                case Double d -> ps.setDouble(at, d);
                case String s -> ps.setString(at, s);
                case byte[] bytes -> ps.setBytes(at, bytes);
                default -> throw new IllegalArgumentException("cannot bind " + v.getClass().getName());
            }
        }
    }
}
