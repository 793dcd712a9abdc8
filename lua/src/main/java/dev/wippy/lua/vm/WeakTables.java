package dev.wippy.lua.vm;

import dev.wippy.lua.memory.GcEpochs;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Weak tables as far as the JVM allows: tables whose metatable has {@code __mode} are remembered by their state,
 * and a full collection ({@code collectgarbage()}) lets the JVM decide which of their weak keys and values are
 * still reachable from elsewhere: those entries are held only weakly while the JVM collects, and the ones whose
 * key or value is gone are dropped. Between explicit collections weak entries behave like strong ones, so normal
 * table access pays nothing for weakness.
 */
public final class WeakTables {
    /** Automatic collections take at most about 1/(1+PAUSE) of the running time. */
    private static final int PAUSE = 20;
    /** Bytes that may be allocated between two full collections without a new one freeing anything to speak of. */
    private static final long UNNOTICED_ALLOCATION = 1 << 20;

    private final List<WeakReference<LuaTable>> tables = new ArrayList<>();
    /** Cleared when the JVM has collected since the last full collection. */
    private WeakReference<Object> sentinel = new WeakReference<>(new Object());
    private long pausedUntil;

    /** An entry taken out of its table while the JVM collects. */
    private record Held(LuaTable table, Object key, WeakReference<Object> weakKey, Object value,
                        WeakReference<Object> weakValue) {
        Object currentKey() {
            return weakKey == null ? key : weakKey.get();
        }

        Object currentValue() {
            return weakValue == null ? value : weakValue.get();
        }
    }

    /** Remembers {@code t} if {@code metatable} makes it weak. */
    public void track(LuaTable t, LuaTable metatable) {
        if (metatable != null && metatable.getStr(MetaNames.MODE) instanceof LuaString) {
            tables.add(new WeakReference<>(t));
        }
    }

    /**
     * Called now and then by running code: once the JVM has collected on its own, a full collection gives weak
     * entries their chance too (programs wait for weak entries to go without calling {@code collectgarbage}).
     */
    public void collectAfterJvmCollection() {
        if (tables.isEmpty() || sentinel.get() != null || System.nanoTime() < pausedUntil) {
            return;
        }
        long start = System.nanoTime();
        collect();
        long end = System.nanoTime();
        pausedUntil = end + PAUSE * (end - start);
    }

    /**
     * A full collection: runs the JVM's collector and drops the weak entries whose key or value it freed. With no
     * weak table to clear and little allocated since the last one, the JVM's collector is not run (programs that
     * collect in a loop would spend their time in it): what was allocated is counted as freed. Returns whether the
     * JVM's collector ran.
     */
    public boolean collect() {
        List<Held> held = new ArrayList<>();
        for (Iterator<WeakReference<LuaTable>> it = tables.iterator(); it.hasNext(); ) {
            LuaTable t = it.next().get();
            if (t == null) {
                it.remove();
            } else {
                release(t, held);
            }
        }
        if (tables.isEmpty() && MemoryCount.allocatedSinceCollection() < UNNOTICED_ALLOCATION) {
            MemoryCount.collectedWithoutGc();
            return false;
        }
        GcEpochs.collect();
        MemoryCount.collected();
        for (Held h : held) {
            Object k = h.currentKey();
            Object v = h.currentValue();
            if (k != null && v != null) {
                h.table().put(k, v);
            }
        }
        sentinel = new WeakReference<>(new Object());
        return true;
    }

    private static void release(LuaTable t, List<Held> held) {
        LuaTable mt = t.getMetatable();
        String mode = mt != null && mt.getStr(MetaNames.MODE) instanceof LuaString m ? m.toString() : "";
        boolean weakKeys = mode.indexOf('k') >= 0;
        boolean weakValues = mode.indexOf('v') >= 0;
        if (!weakKeys && !weakValues) {
            return;
        }
        List<Object> keys = new ArrayList<>();
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            Object k = t.slotKey(slot);
            Object v = t.slotValue(slot);
            boolean k1 = weakKeys && collectable(k);
            boolean v1 = weakValues && collectable(v);
            if (k1 || v1) {
                held.add(new Held(t, k1 ? null : k, k1 ? new WeakReference<>(k) : null, v1 ? null : v,
                        v1 ? new WeakReference<>(v) : null));
                keys.add(k);
            }
        }
        for (Object k : keys) {
            t.put(k, null);
        }
        if (!keys.isEmpty()) {
            t.forgetRemovedKeys();
        }
    }

    /** Strings, numbers and booleans are values, never collected from weak tables (as in PUC). */
    private static boolean collectable(Object v) {
        return !(v instanceof LuaString || v instanceof Long || v instanceof Double || v instanceof Boolean);
    }
}
