package dev.wippy.data.store;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.values.Frozen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code store.memory} (spec 08 §4.1): a sorted in-process map of frozen values with one version counter, at most
 * {@code max_size} live keys (a new key beyond that fails; nothing is evicted), expired keys purged on access, on
 * every write and every {@code cleanup_interval}.
 */
final class MemoryStore implements Store {
    private record Slot(Object frozen, long version, long expiresAt) {
        boolean liveAt(long now) {
            return expiresAt == 0 || now < expiresAt;
        }
    }

    private final String id;
    private final int maxSize;
    private final Duration cleanup;
    private final TreeMap<String, Slot> map = new TreeMap<>();
    private long counter;
    private volatile boolean closed;
    private Thread cleaner;

    MemoryStore(String id, int maxSize, Duration cleanup) {
        this.id = id;
        this.maxSize = maxSize;
        this.cleanup = cleanup;
    }

    private static long now() {
        return System.nanoTime();
    }

    private static long expiry(double ttl) {
        return ttl > 0 ? now() + Math.max(1, (long) (ttl * 1e9)) : 0;
    }

    private void open() throws StoreException {
        if (closed) {
            throw new StoreException(ErrorObject.UNAVAILABLE, "store is closed");
        }
    }

    /** The live slot of {@code key}; an expired one is removed. Lock held. */
    private Slot live(String key) {
        Slot slot = map.get(key);
        if (slot != null && !slot.liveAt(now())) {
            map.remove(key);
            return null;
        }
        return slot;
    }

    private static Object freeze(Object value) throws StoreException {
        try {
            return Frozen.freeze(value);
        } catch (Frozen.NotTransferable e) {
            throw new StoreException(ErrorObject.INTERNAL, "failed to transcode: " + e.getMessage());
        }
    }

    @Override
    public synchronized Object get(LuaState s, String key) throws StoreException {
        return entry(s, key).value();
    }

    @Override
    public void set(LuaState s, String key, Object value, double ttl) throws StoreException {
        put(s, key, value, new PutOptions(ttl, false, null));
    }

    @Override
    public synchronized boolean has(LuaState s, String key) throws StoreException {
        open();
        return live(key) != null;
    }

    @Override
    public synchronized boolean delete(LuaState s, String key) throws StoreException {
        open();
        return live(key) != null && map.remove(key) != null;
    }

    @Override
    public synchronized Item entry(LuaState s, String key) throws StoreException {
        open();
        Slot slot = live(key);
        if (slot == null) {
            throw new StoreException(ErrorObject.NOT_FOUND, "key not found");
        }
        return new Item(key, Frozen.thaw(slot.frozen), Long.toString(slot.version));
    }

    @Override
    public synchronized Page list(LuaState s, String prefix, String after, int limit) throws StoreException {
        open();
        long now = now();
        List<Item> items = new ArrayList<>();
        boolean more = false;
        String from = after != null && after.compareTo(prefix) >= 0 ? after : prefix;
        for (Map.Entry<String, Slot> e : map.tailMap(from, after == null || !after.equals(from)).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (!e.getValue().liveAt(now)) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(new Item(e.getKey(), Frozen.thaw(e.getValue().frozen), Long.toString(e.getValue().version)));
        }
        return new Page(items, items.isEmpty() ? "" : items.getLast().key(), more);
    }

    @Override
    public synchronized Item put(LuaState s, String key, Object value, PutOptions o) throws StoreException {
        open();
        Object frozen = freeze(value);
        purge();
        Slot current = map.get(key);
        if (o.onlyIfAbsent() && current != null) {
            throw new StoreException(ErrorObject.ALREADY_EXISTS, "key already exists");
        }
        if (o.ifVersion() != null) {
            if (current == null) {
                throw new StoreException(ErrorObject.NOT_FOUND, "key not found");
            }
            if (!Long.toUnsignedString(current.version).equals(o.ifVersion())) {
                throw new StoreException(ErrorObject.CONFLICT, "version mismatch");
            }
        }
        if (current == null && map.size() >= maxSize) {
            throw new StoreException(ErrorObject.UNAVAILABLE, "store is full");
        }
        Slot slot = new Slot(frozen, ++counter, expiry(o.ttl()));
        map.put(key, slot);
        return new Item(key, Frozen.thaw(frozen), Long.toString(slot.version));
    }

    /** Drops every expired key. Lock held. */
    private void purge() {
        long now = now();
        map.values().removeIf(slot -> !slot.liveAt(now));
    }

    @Override
    public Map<String, Object> info() {
        return Store.info(id, "memory", false, true);
    }

    @Override
    public void start() {
        cleaner = Thread.ofVirtual().name("store-cleanup " + id).start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(cleanup);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (this) {
                    purge();
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        if (cleaner != null) {
            cleaner.interrupt();
        }
    }
}
