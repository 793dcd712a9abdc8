package dev.wippy.lua.memory;

import dev.wippy.lua.vm.Cell;
import dev.wippy.lua.vm.Coroutine;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaClosure;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Adds up the {@link Sizes} of everything reachable from the values it is given, each object once. Frozen tables
 * are shared by all states (the libraries) and count for none of them. The walk stops early once past its cap:
 * a limit check only needs to know that much.
 */
final class Walk {
    /** The fields holding a compiled closure's upvalues (a {@link Cell} or the value itself). */
    private static final ClassValue<Field[]> UPVALUE_FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && f.trySetAccessible()) {
                    fields.add(f);
                }
            }
            return fields.toArray(Field[]::new);
        }
    };

    private final long cap;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Object> pending = new ArrayList<>();
    private long bytes;

    Walk(long cap) {
        this.cap = cap;
    }

    long bytes() {
        return bytes;
    }

    boolean overCap() {
        return bytes > cap;
    }

    /** Counts {@code root} and what it reaches (unless already counted). */
    void from(Object root) {
        reach(root);
        while (!pending.isEmpty() && bytes <= cap) {
            count(pending.removeLast());
        }
    }

    private void reach(Object o) {
        if (o != null && !(o instanceof Long) && !(o instanceof Double) && !(o instanceof Boolean) && seen.add(o)) {
            pending.add(o);
        }
    }

    private void count(Object o) {
        switch (o) {
            case LuaTable t -> table(t);
            case LuaString s -> bytes += Sizes.string(s.length());
            case LuaClosure c -> closure(c);
            case Cell c -> {
                bytes += Sizes.CELL;
                reach(c.value);
            }
            case JavaFunction f -> bytes += Sizes.JAVA_FUNCTION;
            case Coroutine c -> {
                bytes += Sizes.COROUTINE;
                reach(c.body());
            }
            case LuaUserdata u -> userdata(u);
            default -> {
                // another embedder object: its Java fields are not Lua's to count
            }
        }
    }

    private void table(LuaTable t) {
        if (t.isReadOnly()) {
            return;
        }
        int array = t.arrayCapacity();
        bytes += Sizes.table(array, t.hashCapacity());
        reach(t.getMetatable());
        for (int slot = 0; slot < array; slot++) {
            reach(t.slotValue(slot));
        }
        int limit = t.slotLimit();
        for (int slot = array; slot < limit; slot++) {
            Object v = t.slotValue(slot);
            if (v != null) {
                reach(t.slotKey(slot));
                reach(v);
            }
        }
    }

    private void closure(LuaClosure c) {
        Field[] fields = UPVALUE_FIELDS.get(c.getClass());
        bytes += Sizes.closure(fields.length);
        for (Field f : fields) {
            try {
                reach(f.get(c));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("upvalue field of " + c.getClass().getName(), e);
            }
        }
    }

    private void userdata(LuaUserdata u) {
        bytes += Sizes.USERDATA;
        if (u instanceof MemorySized sized) {
            bytes += sized.memorySize();
        } else if (u.payload() instanceof MemorySized sized) {
            bytes += sized.memorySize();
        }
        reach(u.getMetatable());
    }
}
