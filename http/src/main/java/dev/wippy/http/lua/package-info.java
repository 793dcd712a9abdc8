/**
 * The {@code http} Lua module (spec 07 §2.4–§2.9): {@code http.request()} and {@code http.response()} over the
 * request a handler invocation serves, streams over bodies, multipart forms, and the module's constants. It reaches
 * the request only through {@link dev.wippy.http.server.Exchange}; it must not route, listen or run middleware.
 */
package dev.wippy.http.lua;
