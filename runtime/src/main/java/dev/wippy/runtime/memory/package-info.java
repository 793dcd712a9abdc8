/**
 * Per-process memory limits ({@code max_memory} of a {@code process.host} and of a spawn): how a size is written
 * and which limit a process gets. The engine's {@code dev.wippy.lua.memory} counts and enforces it.
 */
package dev.wippy.runtime.memory;
