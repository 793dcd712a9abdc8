/**
 * Lua's standard libraries (base, string, table, math, utf8, coroutine, os, io, debug, package) written against the
 * {@link dev.wippy.lua.vm} API. Each library builds one template table per JVM; states get copy-on-write views.
 * Libraries never reach the system clock or random sources directly: they go through the state
 * ({@link dev.wippy.lua.vm.LuaState#clock()}, {@link dev.wippy.lua.vm.LuaState#random()}).
 */
package dev.wippy.lua.lib;
