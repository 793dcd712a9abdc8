/**
 * In-JVM drivers of the benchmark scripts in {@code bench/}: warm Lua runs, state footprint, process and
 * {@code funcs.call} measurements. They print figures; the scripts put them beside the reference runs.
 */
package dev.wippy.bench;
