/**
 * {@code http.static} mounts (spec 07 §1.5): files of an {@code fs.directory} served with types, modification
 * times, conditional and range requests, directory index or listing, and the single-page-app fallback. Confined to
 * the directory; it must not run Lua.
 */
package dev.wippy.http.statics;
