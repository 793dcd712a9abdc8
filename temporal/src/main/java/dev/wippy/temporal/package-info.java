/**
 * Workflows on Temporal as a runtime extension: the {@code temporal.client} and {@code temporal.worker} entries
 * (spec 05 §2.3, §2.4), their connections and Temporal workers, booted after the workflow module whose
 * provider-neutral core runs the workflows' Lua.
 */
package dev.wippy.temporal;
