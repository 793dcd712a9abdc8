/**
 * Functions (spec 03 §3.2–§3.4): invocations of {@code function.lua} entries that run in their caller's context
 * and die with it, their pools, call options (timeout, retry), and the {@code funcs} and {@code ctx} modules.
 * Invocations are executions of their own (own state, own PID); this package must not touch process hosts.
 */
package dev.wippy.runtime.funcs;
