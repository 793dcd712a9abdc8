package dev.wippy.lua.syntax;

import java.util.List;

/** Type annotations. Erased at run time in phase 1, but kept with their positions for phase 2. */
public sealed interface TypeExpr {
    int line();

    int column();

    /** {@code a.b.Name<Args>}; {@code args} is empty without type arguments. */
    record Ref(int line, int column, List<String> path, List<TypeExpr> args) implements TypeExpr {}

    /** {@code nil}, {@code true}, {@code false}, a string (byte[]), an integer (Long) or a float (Double). */
    record Literal(int line, int column, Object value) implements TypeExpr {}

    record Optional(int line, int column, TypeExpr inner) implements TypeExpr {}

    record Union(int line, int column, List<TypeExpr> members) implements TypeExpr {}

    record Intersection(int line, int column, List<TypeExpr> members) implements TypeExpr {}

    /** {@code {a: T, b?: U}}; an empty list is the empty record {@code {}}. */
    record Record(int line, int column, List<RecordField> fields) implements TypeExpr {}

    /** {@code {T}} or {@code T[]}. */
    record Array(int line, int column, TypeExpr element) implements TypeExpr {}

    /** {@code {[K]: V}}. */
    record Map(int line, int column, TypeExpr key, TypeExpr value) implements TypeExpr {}

    /** {@code T[K]}. */
    record Indexed(int line, int column, TypeExpr object, TypeExpr key) implements TypeExpr {}

    record Readonly(int line, int column, TypeExpr inner) implements TypeExpr {}

    /** {@code interface {...}}. */
    record Interface(int line, int column, TypeExpr body) implements TypeExpr {}

    /** {@code (params) -> results} or {@code fun(params): results}. */
    record Function(int line, int column, List<FunctionTypeParam> params, List<TypeExpr> results)
            implements TypeExpr {}

    record Typeof(int line, int column, Expr expression) implements TypeExpr {}

    record Keyof(int line, int column, TypeExpr inner) implements TypeExpr {}

    /** {@code Check extends Extends ? Then : Else}. */
    record Conditional(int line, int column, TypeExpr check, TypeExpr extendsType, TypeExpr then, TypeExpr otherwise)
            implements TypeExpr {}

    /** {@code asserts name [is T]}; {@code type} may be null. */
    record Asserts(int line, int column, String name, TypeExpr type) implements TypeExpr {}

    /** {@code T @v1(args) @v2}. */
    record Validated(int line, int column, TypeExpr base, List<Validator> validators) implements TypeExpr {}

    record RecordField(int line, int column, String name, boolean optional, TypeExpr type) {}

    /** A parameter of a function type: named ({@code x: T}), unnamed ({@code T}) or vararg ({@code ...: T}). */
    record FunctionTypeParam(String name, TypeExpr type, boolean vararg) {}

    record Validator(int line, int column, String name, List<Expr> args) {}
}
