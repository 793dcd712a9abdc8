/**
 * Key-value stores (spec 08 §4): {@code store.memory} (a sorted in-process map with versions and conditional
 * writes) and {@code store.sql} (a table of a {@code db.sql.*} database, reached only through
 * {@code dev.wippy.data.sql}'s pools), key normalisation, expiry, and the {@code store} module. It must not open
 * database connections of its own.
 */
package dev.wippy.data.store;
