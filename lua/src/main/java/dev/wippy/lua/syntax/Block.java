package dev.wippy.lua.syntax;

import java.util.List;

/** A sequence of statements; a {@link Stat.Return}, if any, is the last one. {@code endLine} is where the block ends. */
public record Block(List<Stat> stats, int endLine) {}
