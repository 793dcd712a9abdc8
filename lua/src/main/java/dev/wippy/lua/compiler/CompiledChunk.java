package dev.wippy.lua.compiler;

import dev.wippy.lua.vm.Cell;
import dev.wippy.lua.vm.LuaFunction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * A compiled chunk: immutable and shareable by any number of states. {@link #instantiate} creates the main
 * function of one instance bound to an environment (normally a state's globals).
 */
public final class CompiledChunk {
    /** A function prototype's class; {@code cells[i]} says whether upvalue parameter i is a Cell. */
    record Prototype(Class<?> type, boolean[] cells) {
        MethodHandle constructor() {
            Class<?>[] params = new Class<?>[cells.length];
            for (int i = 0; i < params.length; i++) {
                params[i] = cells[i] ? Cell.class : Object.class;
            }
            try {
                return MethodHandles.publicLookup()
                        .findConstructor(type, MethodType.methodType(void.class, params));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final String name;
    private final Map<Integer, Prototype> prototypes;
    private final MethodHandle mainConstructor;
    private final boolean envInCell;

    CompiledChunk(String name, Map<Integer, Prototype> prototypes) {
        this.name = name;
        this.prototypes = Map.copyOf(prototypes);
        Prototype main = prototypes.get(0);
        this.envInCell = main.cells()[0];
        Class<?> envType = envInCell ? Cell.class : Object.class;
        this.mainConstructor = main.constructor().asType(MethodType.methodType(LuaFunction.class, envType));
    }

    public String name() {
        return name;
    }

    /** The chunk's main function with {@code env} as its {@code _ENV}. */
    public LuaFunction instantiate(Object env) {
        try {
            return envInCell ? (LuaFunction) mainConstructor.invokeExact(new Cell(env))
                    : (LuaFunction) mainConstructor.invokeExact(env);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * A fresh closure of the function numbered {@code id}, as {@code load} makes of a dumped function: its first
     * upvalue is {@code env}, the others are nil.
     */
    public LuaFunction instantiatePrototype(int id, Object env) {
        Prototype p = prototypes.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no function " + id + " in " + name);
        }
        Object[] args = new Object[p.cells().length];
        for (int i = 0; i < args.length; i++) {
            Object value = i == 0 ? env : null;
            args[i] = p.cells()[i] ? new Cell(value) : value;
        }
        try {
            return (LuaFunction) p.constructor().invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
