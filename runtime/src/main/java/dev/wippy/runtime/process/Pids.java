package dev.wippy.runtime.process;

import java.util.concurrent.atomic.AtomicLong;

/**
 * PIDs are Lua strings {@code {<host-id>|0x<hex>}} (spec 02 §1.3); local IDs come from one node-wide counter and
 * are never reused.
 */
public final class Pids {
    private final AtomicLong next = new AtomicLong(1);

    public String allocate(String hostId) {
        String hex = Long.toHexString(next.getAndIncrement());
        return "{" + hostId + "|0x" + "0".repeat(Math.max(0, 5 - hex.length())) + hex + "}";
    }

    /** Whether {@code s} has the shape of a PID (otherwise it is a registered name). */
    public static boolean looksLikePid(String s) {
        return s.length() >= 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}';
    }

    /** Whether a PID-shaped string is well formed: {@code {host|local}} with both parts non-empty. */
    public static boolean isWellFormed(String pid) {
        int bar = pid.indexOf('|');
        return bar > 1 && bar < pid.length() - 2;
    }
}
