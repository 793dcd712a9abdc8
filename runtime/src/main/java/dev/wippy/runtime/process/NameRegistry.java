package dev.wippy.runtime.process;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Node-local registered names (spec 02 §2.12): one PID per name; the names of a PID are released when it exits.
 * On a single node every scope behaves like LOCAL. Each execution remembers its own names to release them.
 */
public final class NameRegistry {
    private final ConcurrentHashMap<String, String> byName = new ConcurrentHashMap<>();

    public enum Outcome { REGISTERED, ALREADY_HELD_BY_OTHER }

    /** Binds {@code name} to {@code pid}; re-registering the same binding succeeds. */
    public Outcome register(String name, String pid) {
        String held = byName.putIfAbsent(name, pid);
        return held == null || held.equals(pid) ? Outcome.REGISTERED : Outcome.ALREADY_HELD_BY_OTHER;
    }

    public String lookup(String name) {
        return byName.get(name);
    }

    /** Removes a binding; true if there was one. */
    public boolean unregister(String name) {
        return byName.remove(name) != null;
    }

    /** Removes a binding only if {@code pid} holds it (an exiting process releasing its names). */
    public void releaseIfOwner(String name, String pid) {
        byName.remove(name, pid);
    }
}
