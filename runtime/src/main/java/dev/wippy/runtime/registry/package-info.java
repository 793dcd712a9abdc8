/**
 * The registry: definition files scanned from an app's source tree become immutable, versioned snapshots of
 * entries ({@code namespace:name}, kind, meta, data, and where each was declared). Loading problems are reported
 * as {@link dev.wippy.runtime.registry.BootException}s naming file, line and entry. This package only reads and
 * validates definitions; it must not compile Lua or start anything.
 */
package dev.wippy.runtime.registry;
