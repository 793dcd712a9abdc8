package dev.wippy.lua.vm;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The debug library's view of a compiled closure's upvalues. Upvalue {@code i} (from 0) is the field {@code u<i>} of
 * the closure: a {@link Cell} when the variable is shared and mutable, or in a chunk that uses the debug library,
 * else the value itself; a {@code local function}'s reference to itself has no field (it is the closure). The
 * identity of an upvalue ({@code debug.upvalueid}) is its Cell; one held by value gets a Cell of its own, so that
 * ids are stable, but such an upvalue is not shared with other closures.
 */
public final class Upvalues {
    private static final Map<LuaFunction, Cell[]> VALUE_IDS = new WeakHashMap<>();

    private Upvalues() {}

    /** The number of upvalues {@code debug.getinfo} reports for {@code f}. */
    public static int count(LuaFunction f) {
        return switch (f) {
            case LuaClosure c -> c.info().upvalues();
            case JavaFunction j -> j.upvalues();
            default -> 0;
        };
    }

    /** The name of upvalue {@code i} of {@code f} ("" for a Java function's), or null when there is none. */
    public static String name(LuaFunction f, int i) {
        if (i < 0 || i >= count(f)) {
            return null;
        }
        return f instanceof LuaClosure c ? c.info().upvalueName(i) : "";
    }

    public static Object get(LuaClosure c, int i) {
        Field field = field(c, i);
        if (field == null) {
            return c;
        }
        Object held = read(field, c);
        return field.getType() == Cell.class ? ((Cell) held).value : held;
    }

    public static void set(LuaClosure c, int i, Object value) {
        Field field = field(c, i);
        if (field == null) {
            return; // a function's reference to itself cannot be rebound
        }
        if (field.getType() == Cell.class) {
            ((Cell) read(field, c)).value = value;
        } else {
            write(field, c, value);
        }
    }

    /** A value that is the same for two closures exactly when they share upvalue {@code i}. */
    public static Object id(LuaFunction f, int i) {
        Field field = f instanceof LuaClosure c ? field(c, i) : null;
        if (field != null && field.getType() == Cell.class) {
            return read(field, f);
        }
        synchronized (VALUE_IDS) {
            Cell[] ids = VALUE_IDS.computeIfAbsent(f, k -> new Cell[Math.max(count(f), i + 1)]);
            if (ids[i] == null) {
                ids[i] = new Cell(null);
            }
            return ids[i];
        }
    }

    /** Makes upvalue {@code i} of {@code a} refer to upvalue {@code j} of {@code b}. */
    public static void join(LuaClosure a, int i, LuaClosure b, int j) {
        Field target = field(a, i);
        if (target == null) {
            return;
        }
        Field source = field(b, j);
        if (target.getType() == Cell.class && source != null && source.getType() == Cell.class) {
            write(target, a, read(source, b));
        } else if (target.getType() == Cell.class) {
            write(target, a, new Cell(get(b, j)));
        } else {
            write(target, a, get(b, j));
        }
    }

    private static Field field(LuaClosure c, int i) {
        try {
            Field f = c.getClass().getDeclaredField("u" + i);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Field f, Object o, Object value) {
        try {
            f.set(o, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
