/**
 * The web server (Helidon SE, one virtual thread per request): a listener per {@code http.service}, the
 * dispatcher that cleans the path, matches it and answers 301/404/405 before any middleware, the per-request
 * {@link dev.wippy.http.server.Exchange} with its response state (commit model, buffering, sniffing, framing),
 * endpoints as function invocations, access log, limits and graceful stop. It must not know the Lua objects of the
 * {@code http} module nor any particular middleware.
 */
package dev.wippy.http.server;
