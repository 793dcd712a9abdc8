/**
 * Values that cross executions: Lua values frozen into immutable copies (messages, call arguments, results,
 * context) and payload objects. Nothing here may hand one execution a mutable value of another.
 */
package dev.wippy.runtime.values;
