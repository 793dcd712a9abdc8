/**
 * The {@code json} module (spec 03 §3.8): the mapping between Lua values and JSON text in both directions, built
 * on Jackson's streaming generator and parser, and JSON Schema (draft 2020-12) validation with a cache of compiled
 * schemas. Which tables are arrays and which objects, how floats are written and the nesting limits are decided
 * here.
 */
package dev.wippy.runtime.json;
