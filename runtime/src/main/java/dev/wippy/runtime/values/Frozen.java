package dev.wippy.runtime.values;

import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies Lua values across process boundaries (spec 02 §1.5): {@link #freeze} turns a value into an immutable
 * tree at the moment of sending, {@link #thaw} gives a receiver its own Lua value. Functions, coroutines, channels
 * and other userdata cannot travel; cyclic tables are refused.
 */
public final class Frozen {
    private Frozen() {}

    /** Thrown for values that cannot cross a process boundary; callers turn it into an INVALID error. */
    public static final class NotTransferable extends RuntimeException {
        public NotTransferable(String message) {
            super(message, null, false, false);
        }
    }

    /** An immutable copy of {@code v}; a {@code Payload} contributes its content. */
    public static Object freeze(Object v) {
        return freeze(v, new IdentityHashMap<>());
    }

    private static Object freeze(Object v, Map<LuaTable, Boolean> inProgress) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double || v instanceof LuaString
                || v instanceof Transferable) {
            return v;
        }
        if (v instanceof PayloadValue p) {
            return p.frozen();
        }
        if (v instanceof LuaTable t) {
            if (inProgress.put(t, Boolean.TRUE) != null) {
                throw new NotTransferable("cannot transfer a table that contains itself");
            }
            List<Object> keys = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
                keys.add(freeze(t.slotKey(slot), inProgress));
                values.add(freeze(t.slotValue(slot), inProgress));
            }
            inProgress.remove(t);
            return new FrozenTable(keys.toArray(), values.toArray());
        }
        throw new NotTransferable("cannot transfer a " + Interop.typeName(v) + " value");
    }

    /** The receiver's own Lua value for a frozen value. */
    public static Object thaw(Object frozen) {
        if (frozen instanceof FrozenTable ft) {
            LuaTable t = new LuaTable();
            Object[] keys = ft.keys();
            Object[] values = ft.values();
            for (int i = 0; i < keys.length; i++) {
                t.put(thaw(keys[i]), thaw(values[i]));
            }
            return t;
        }
        return frozen;
    }

    /** Freezes arguments for a call or spawn. */
    public static Object[] freezeAll(Object[] values) {
        Object[] r = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = freeze(values[i]);
        }
        return r;
    }

    public static Object[] thawAll(Object[] frozen) {
        Object[] r = new Object[frozen.length];
        for (int i = 0; i < frozen.length; i++) {
            r[i] = thaw(frozen[i]);
        }
        return r;
    }

    /**
     * The frozen value of plain Java data (YAML values such as entry data: maps, lists, strings, numbers,
     * booleans); anything else travels as its text.
     */
    public static Object fromJava(Object v) {
        if (v == null || v instanceof Boolean) {
            return v;
        }
        if (v instanceof String s) {
            return LuaString.of(s);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof List<?> list) {
            Object[] keys = new Object[list.size()];
            Object[] values = new Object[list.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (long) i + 1;
                values[i] = fromJava(list.get(i));
            }
            return new FrozenTable(keys, values);
        }
        if (v instanceof Map<?, ?> map) {
            List<Object> keys = new ArrayList<>(map.size());
            List<Object> values = new ArrayList<>(map.size());
            map.forEach((k, val) -> {
                keys.add(fromJava(k));
                values.add(fromJava(val));
            });
            return new FrozenTable(keys.toArray(), values.toArray());
        }
        return LuaString.of(v.toString());
    }

    /** A plain Java view (String, Long, Double, Boolean, List, Map) of a frozen value, for logs and JSON. */
    public static Object toJava(Object frozen) {
        if (frozen instanceof LuaString s) {
            return s.toString();
        }
        if (frozen instanceof FrozenTable ft) {
            boolean array = true;
            for (int i = 0; i < ft.keys().length; i++) {
                if (!(ft.keys()[i] instanceof Long l) || l != i + 1) {
                    array = false;
                    break;
                }
            }
            if (array && ft.size() > 0) {
                List<Object> list = new ArrayList<>();
                for (Object v : ft.values()) {
                    list.add(toJava(v));
                }
                return list;
            }
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < ft.keys().length; i++) {
                map.put(String.valueOf(toJava(ft.keys()[i])), toJava(ft.values()[i]));
            }
            return map;
        }
        return frozen;
    }
}
