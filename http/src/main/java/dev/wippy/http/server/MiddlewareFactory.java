package dev.wippy.http.server;

import dev.wippy.http.config.Options;

/** Makes middleware instances by name, one per router list (their state is shared by the router's routes). */
@FunctionalInterface
public interface MiddlewareFactory {
    /**
     * @param owner the entry whose list names it (router or static), for options resolved in its namespace
     * @throws IllegalArgumentException {@code middleware not found: <name>} for an unknown name
     */
    Middleware create(String name, Options options, dev.wippy.runtime.registry.Entry owner);
}
