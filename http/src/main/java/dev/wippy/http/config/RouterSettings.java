package dev.wippy.http.config;

import dev.wippy.runtime.registry.Entry;

import java.util.List;

/**
 * An {@code http.router} (spec 07 §1.3).
 *
 * @param prefix the normalised prefix: no trailing {@code /}, a leading one added, {@code ""} for none
 */
public record RouterSettings(Entry entry, String serverId, String prefix, List<String> middleware, Options options,
                             List<String> postMiddleware, Options postOptions) {
    public String id() {
        return entry.id();
    }

    static String normalise(String prefix) {
        String p = prefix == null ? "" : prefix.trim();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
    }
}
