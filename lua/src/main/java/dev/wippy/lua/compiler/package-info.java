/**
 * Compiles parsed chunks to JVM classes: name resolution and semantic checks ({@code Resolver}), static numeric
 * types for locals ({@code TypeInference}) and bytecode generation ({@code ChunkCompiler}, {@code BodyCompiler}).
 * Generated code calls only the public API of {@link dev.wippy.lua.vm}.
 */
package dev.wippy.lua.compiler;
