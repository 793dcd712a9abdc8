/**
 * Data for Wippy apps as one extension of the runtime: SQL databases ({@code db.sql.*} and the {@code sql}
 * module), key-value stores ({@code store.*}), filesystems ({@code fs.*}) and the codec modules {@code yaml},
 * {@code base64}, {@code hash} and {@code crypto} (spec 08 §1–§5, §8). This package only wires the parts into the
 * runtime; each part lives in its own package and reaches the runtime through {@code dev.wippy.runtime.ext}.
 */
package dev.wippy.data;
