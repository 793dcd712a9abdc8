/**
 * The built-in middleware (spec 07 §3): {@code cors}, {@code compress}, {@code ratelimit}, {@code real_ip}, made by name with their options. Each layer works on the
 * {@link dev.wippy.http.server.Exchange} only; none of them runs Lua or knows the route table.
 */
package dev.wippy.http.middleware;
