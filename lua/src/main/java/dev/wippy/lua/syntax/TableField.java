package dev.wippy.lua.syntax;

/** One field of a table constructor. */
public sealed interface TableField {
    Expr value();

    /** {@code exp}: the next array position. */
    record Positional(Expr value) implements TableField {}

    /** {@code name = exp}. */
    record Named(int line, String name, Expr value) implements TableField {}

    /** {@code [key] = exp}. */
    record Keyed(int line, Expr key, Expr value) implements TableField {}
}
