/** The {@code system} module (spec 08 §7): runtime introspection for Lua code of functions and processes. */
package dev.wippy.observability.system;
