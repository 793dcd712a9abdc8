/**
 * The query builder's statements as plain immutable Java values (spec 08 §3.10): SELECT, INSERT, UPDATE and DELETE
 * with their conditions, generating the exact SQL text and argument lists, and placeholder formats. It knows
 * nothing of Lua or JDBC; {@code dev.wippy.data.sql} binds it to Lua and runs what it generates.
 */
package dev.wippy.data.sql.builder;
