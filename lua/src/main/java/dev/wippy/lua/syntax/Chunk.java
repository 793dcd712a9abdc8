package dev.wippy.lua.syntax;

/** A parsed chunk: a vararg main function. {@code name} is the chunk name as shown in messages. */
public record Chunk(String name, Block body) {}
