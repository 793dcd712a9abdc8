package dev.wippy.data.store;

import dev.wippy.lua.vm.LuaState;

import java.util.List;
import java.util.Map;

/**
 * A key-value store (spec 08 §4): keys are normalised ({@code ":" + key} when they have no colon), values are Lua
 * values copied in and out, entries may expire. Operations take the calling Lua state because a store may have to
 * wait for a database without blocking the caller's execution.
 */
interface Store {
    /** One entry: normalised key, a fresh copy of the value, version text. */
    record Item(String key, Object value, String version) {}

    /** A page of {@code list}. */
    record Page(List<Item> items, String cursor, boolean hasMore) {}

    /** Conditions and TTL of {@code put}; {@code ifVersion} is null when absent. */
    record PutOptions(double ttl, boolean onlyIfAbsent, String ifVersion) {}

    /** The value of a live key. @throws StoreException NOT_FOUND when missing or expired */
    Object get(LuaState s, String key) throws StoreException;

    /** Creates or overwrites; {@code ttl} seconds, ≤ 0 never expires. */
    void set(LuaState s, String key, Object value, double ttl) throws StoreException;

    boolean has(LuaState s, String key) throws StoreException;

    /** Whether a live key was removed. */
    boolean delete(LuaState s, String key) throws StoreException;

    Item entry(LuaState s, String key) throws StoreException;

    Page list(LuaState s, String prefix, String after, int limit) throws StoreException;

    Item put(LuaState s, String key, Object value, PutOptions options) throws StoreException;

    /** The figures of {@code info()} in order. */
    Map<String, Object> info();

    /** Background expiry, until {@link #close}. */
    void start();

    /** Later calls fail with UNAVAILABLE "store is closed". */
    void close();

    /** The figures of {@code info()} (spec 08 §4.5) of a local store. */
    static Map<String, Object> info(String id, String backend, boolean durable, boolean versioned) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("backend", backend);
        m.put("consistency", "local");
        m.put("durable", durable);
        m.put("list", true);
        m.put("ttl", true);
        m.put("versioned", versioned);
        m.put("conditional_put", versioned);
        return m;
    }

    /** {@code key}, or {@code ":" + key} when it has no colon (spec 08 §4.2). */
    static String normalise(String key) {
        return key.indexOf(':') >= 0 ? key : ":" + key;
    }
}
