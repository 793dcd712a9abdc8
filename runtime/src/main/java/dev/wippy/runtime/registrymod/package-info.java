/**
 * The {@code registry} Lua module (spec 01 §4): entries as tables, queries with filters, snapshots, versions and
 * history, and changesets applied as new registry versions. The registry itself (snapshots, filters, versioning)
 * lives in {@code dev.wippy.runtime.registry} and knows nothing of Lua; this package only translates.
 */
package dev.wippy.runtime.registrymod;
