/**
 * The registry: definition files scanned from an app's source tree become immutable, versioned snapshots of
 * entries ({@code namespace:name}, kind, meta, data, and where each was declared). Loading problems are reported
 * as {@link dev.wippy.runtime.registry.BootException}s naming file, line and entry. At run time
 * {@link dev.wippy.runtime.registry.RegistryHistory} applies changesets as new versions, and
 * {@link dev.wippy.runtime.registry.EntryFilter} queries a snapshot. This package only reads, validates, queries
 * and versions definitions; it must not compile Lua or start anything.
 */
package dev.wippy.runtime.registry;
