package dev.wippy.http.config;

import dev.wippy.http.routing.PathPattern;
import dev.wippy.runtime.registry.Entry;

/**
 * An {@code http.endpoint} (spec 07 §1.4): its full path is the router's prefix plus {@code path}.
 */
public record EndpointSettings(Entry entry, String routerId, String method, PathPattern path, String functionId) {
    public String id() {
        return entry.id();
    }
}
