package dev.wippy.lua.syntax;

/** A function parameter; {@code type} is null when unannotated. */
public record Param(int line, String name, TypeExpr type) {}
