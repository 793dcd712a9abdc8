/**
 * Files over HTTP: {@code http.static} mounts (spec 07 §1.5) and the {@code sendfile} middleware (§3.9), serving
 * files of an {@code fs.directory} with types, modification times, conditional and range requests, directory index
 * or listing, and the single-page-app fallback. Confined to the directory; it must not run Lua.
 */
package dev.wippy.http.statics;
