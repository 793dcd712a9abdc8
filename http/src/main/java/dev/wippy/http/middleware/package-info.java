/**
 * The built-in middleware by name (spec 07 §3): {@code cors}, {@code compress}, {@code ratelimit} and
 * {@code real_ip} here; the relays and {@code sendfile} come from their own packages. Each layer works on the
 * {@link dev.wippy.http.server.Exchange} only; none of them runs Lua or knows the route table.
 */
package dev.wippy.http.middleware;
