package dev.wippy.lua.syntax;

import java.util.List;

/** Lua statements, plus the erased type and interface declarations of the Wippy dialect. */
public sealed interface Stat {
    int line();

    /** {@code local a <const>: T, b = ...}; {@code values} may be empty. */
    record Local(int line, List<LocalName> names, List<Expr> values) implements Stat {}

    /** {@code a, b.c, d[e] = ...}; each target is a {@link Expr.Name} or {@link Expr.Index}. */
    record Assign(int line, List<Expr> targets, List<Expr> values) implements Stat {}

    /** A call used as a statement; {@code call} is a {@link Expr.Call} or {@link Expr.MethodCall}. */
    record CallStat(int line, Expr call) implements Stat {}

    record Do(int line, Block body) implements Stat {}

    record While(int line, Expr condition, Block body) implements Stat {}

    record Repeat(int line, Block body, Expr condition) implements Stat {}

    /** {@code if c1 then b1 elseif c2 then b2 ... else e end}; {@code orElse} is null without {@code else}. */
    record If(int line, List<Expr> conditions, List<Block> blocks, Block orElse) implements Stat {}

    /** {@code for v = start, limit [, step] do ... end}; {@code step} is null when absent. */
    record NumericFor(int line, String variable, Expr start, Expr limit, Expr step, Block body) implements Stat {}

    record GenericFor(int line, List<String> names, List<Expr> values, Block body) implements Stat {}

    /** {@code function a.b.c:m(...)}: {@code path} is [a, b, c], {@code method} is "m" or null. */
    record FunctionStat(int line, List<String> path, String method, FuncBody body) implements Stat {}

    record LocalFunction(int line, String name, FuncBody body) implements Stat {}

    record Return(int line, List<Expr> values) implements Stat {}

    record Break(int line) implements Stat {}

    record Goto(int line, String label) implements Stat {}

    record Label(int line, String name) implements Stat {}

    /** {@code type Name<params> = Type}. */
    record TypeDecl(int line, String name, List<TypeParam> params, TypeExpr type) implements Stat {}

    /** {@code interface Name: Parent ... end}; erased. */
    record InterfaceDecl(int line, String name, List<String> parents, List<InterfaceMethod> methods)
            implements Stat {}

    record LocalName(int line, String name, Attrib attrib, TypeExpr type) {}

    enum Attrib { NONE, CONST, CLOSE }

    record InterfaceMethod(int line, String name, List<Param> params, List<TypeExpr> results) {}
}
