/**
 * The {@code http.*} entries as settings (spec 07 §1.2–§1.5): read from the decoded registry and checked at boot,
 * each problem a {@link dev.wippy.runtime.registry.BootException} naming the entry, its file and line. Settings
 * only: nothing here listens, routes or runs Lua.
 */
package dev.wippy.http.config;
