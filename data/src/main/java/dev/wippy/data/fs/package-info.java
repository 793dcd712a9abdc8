/**
 * Filesystems (spec 08 §5): {@code fs.directory} entries confined to their root (no {@code ..} or symbolic-link
 * escape), their permission masks, and the {@code fs} module with its file handles and scanners. {@code fs.embed}
 * needs a packed app bundle, which this runtime does not make yet, so such entries are refused at boot. It must not
 * touch paths outside an entry's root.
 */
package dev.wippy.data.fs;
