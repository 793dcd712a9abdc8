/**
 * Request matching (spec 07 §1.4, §1.6): path patterns with parameters and wildcards, the relation "more specific"
 * between patterns, conflict detection, and the per-server table that picks the most specific pattern for a
 * request or tells why none fits (404, 405 with its Allow list, trailing-slash redirect). Pure data: it knows
 * nothing of the server, the runtime or Lua.
 */
package dev.wippy.http.routing;
