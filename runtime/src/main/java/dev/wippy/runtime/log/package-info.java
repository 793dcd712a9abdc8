/**
 * Logging from Lua: the {@code logger} module (levels, structured fields, named and derived loggers) and the
 * global {@code print}, both written through SLF4J with the {@code pid} and {@code location} of the calling Lua
 * line. Where and how lines are written (console or JSON) is the embedder's Logback configuration, not this
 * package's concern.
 */
package dev.wippy.runtime.log;
