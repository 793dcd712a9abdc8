package dev.wippy.http.server;

/** The innermost layer of a route: an endpoint's function, a static mount, the automatic OPTIONS answer. */
@FunctionalInterface
public interface Handler {
    void handle(Exchange x) throws Exception;
}
