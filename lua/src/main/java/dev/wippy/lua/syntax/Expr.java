package dev.wippy.lua.syntax;

import java.util.List;

/**
 * Lua expressions. {@code line} is the line PUC Lua attributes to the operation: the operator's line for unary and
 * binary operators, the line where the whole suffixed expression starts for calls, the line of the '.', ':' or '['
 * token for indexing, the token's line for atoms.
 */
public sealed interface Expr {
    int line();

    record Nil(int line) implements Expr {}

    record True(int line) implements Expr {}

    record False(int line) implements Expr {}

    record Vararg(int line) implements Expr {}

    record Int(int line, long value) implements Expr {}

    record Flt(int line, double value) implements Expr {}

    /** A string literal; {@code value} holds the bytes after escape processing. */
    record Str(int line, byte[] value) implements Expr {}

    record Function(int line, FuncBody body) implements Expr {}

    record Table(int line, List<TableField> fields) implements Expr {}

    record Binary(int line, BinOp op, Expr left, Expr right) implements Expr {}

    record Unary(int line, UnOp op, Expr operand) implements Expr {}

    /** A bare name; whether it is a local, an upvalue, a type or a global is decided after parsing. */
    record Name(int line, String name) implements Expr {}

    /** {@code object[key]}; {@code object.name} has a {@link Str} key. */
    record Index(int line, Expr object, Expr key) implements Expr {}

    record Call(int line, Expr function, List<Expr> args) implements Expr {}

    record MethodCall(int line, Expr object, String method, List<Expr> args) implements Expr {}

    /** {@code (e)}: adjusts {@code e} to exactly one value. */
    record Paren(int line, Expr inner) implements Expr {}

    /** {@code e as T} or {@code e :: T}: erased at run time, adjusts to one value. */
    record Cast(int line, Expr inner, TypeExpr type) implements Expr {}

    /** {@code e!}: erased at run time (no nil check), adjusts to one value. */
    record NonNil(int line, Expr inner) implements Expr {}
}
