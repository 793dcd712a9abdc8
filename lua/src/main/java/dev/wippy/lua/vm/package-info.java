/**
 * The values and operations of the Lua engine at run time: strings, tables, functions, coroutines, states, errors
 * and the operations compiled code calls ({@link dev.wippy.lua.vm.Ops}). Knows nothing of syntax or code
 * generation; the compiler targets this package and the libraries build on it.
 */
package dev.wippy.lua.vm;
