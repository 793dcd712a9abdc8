package dev.wippy.lua.syntax;

import java.util.List;

/**
 * Parameters and body of a function. {@code line} is the line of the {@code function} keyword (PUC's
 * linedefined), {@code endLine} the line of its {@code end}. {@code results} is null when the function has no
 * result annotation. A method's implicit {@code self} is not in {@code params}: {@code isMethod} says so.
 */
public record FuncBody(int line, int endLine, List<TypeParam> typeParams, boolean isMethod, List<Param> params,
                       boolean isVararg, TypeExpr varargType, List<TypeExpr> results, Block body) {}
