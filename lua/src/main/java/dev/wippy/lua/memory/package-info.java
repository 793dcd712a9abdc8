/**
 * What a Lua state holds, as the engine counts it: allocation points charge their state (a subtract and a compare
 * against an allowance the state holds; its account looks only when that is used up), and when the count passes a
 * state's limit a walk of what the state can still reach tells whether it really holds that much. Used for
 * per-process memory limits and for {@code collectgarbage("count")}.
 */
package dev.wippy.lua.memory;
