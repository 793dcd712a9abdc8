/**
 * Environment variables (spec 03 §3.12, spec 01 §2.10 and §3): the {@code env.storage.*} kinds that hold values,
 * the {@code env.variable} entries that are the only way to reach them, the {@code env} Lua module, and the
 * {@code ${env:...}} placeholders resolved in entry data when a kind handler decodes it. Everything here is built
 * from the registry at boot, before any other entry is decoded; problems in env entries are boot errors naming
 * file, line and entry. It must not start processes or know about other entry kinds.
 */
package dev.wippy.runtime.env;
