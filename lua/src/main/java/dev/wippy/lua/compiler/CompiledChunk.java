package dev.wippy.lua.compiler;

import dev.wippy.lua.vm.Cell;
import dev.wippy.lua.vm.LuaFunction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A compiled chunk: immutable and shareable by any number of states. {@link #instantiate} creates the main
 * function of one instance bound to an environment (normally a state's globals).
 */
public final class CompiledChunk {
    private final String name;
    private final MethodHandle constructor;
    private final boolean envInCell;

    CompiledChunk(String name, Class<?> mainClass, boolean envInCell) {
        this.name = name;
        this.envInCell = envInCell;
        try {
            Class<?> envType = envInCell ? Cell.class : Object.class;
            this.constructor = MethodHandles.publicLookup()
                    .findConstructor(mainClass, MethodType.methodType(void.class, envType))
                    .asType(MethodType.methodType(LuaFunction.class, envType));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    /** The chunk's main function with {@code env} as its {@code _ENV}. */
    public LuaFunction instantiate(Object env) {
        try {
            return envInCell ? (LuaFunction) constructor.invokeExact(new Cell(env))
                    : (LuaFunction) constructor.invokeExact(env);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
