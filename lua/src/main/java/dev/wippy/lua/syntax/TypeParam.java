package dev.wippy.lua.syntax;

/** A generic parameter {@code T} or {@code T: Constraint}; {@code constraint} may be null. */
public record TypeParam(int line, int column, String name, TypeExpr constraint) {}
