/**
 * The front end: lexer, parser and abstract syntax tree of Lua 5.4 plus the Wippy type-annotation grammar.
 * Produces {@link dev.wippy.lua.syntax.Chunk} trees and {@link dev.wippy.lua.syntax.LuaSyntaxError}s; knows
 * nothing about values, execution or code generation.
 */
package dev.wippy.lua.syntax;
