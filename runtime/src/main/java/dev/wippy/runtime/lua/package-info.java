/**
 * How registry entries become Lua states: compiled entries shared by all states, sandbox states with the runtime
 * globals, and {@code require} bound to an entry's {@code modules} and {@code imports}.
 */
package dev.wippy.runtime.lua;
