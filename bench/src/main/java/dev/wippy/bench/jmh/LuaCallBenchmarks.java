package dev.wippy.bench.jmh;

import dev.wippy.lua.vm.LuaFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Calls made by Lua code: to a Lua function, and to a builtin written in Java ({@code math.abs}). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LuaCallBenchmarks {
    private static final int OPS = 1024;

    private static final String SOURCE = """
            local function add(a, b) return a + b end
            local abs = math.abs
            local M = {}
            function M.lua(n) local s = 0 for i = 1, n do s = add(s, i) end return s end
            function M.java(n) local s = 0 for i = 1, n do s = s + abs(i) end return s end
            return M
            """;

    private LuaModule lua;
    private LuaFunction luaToLua;
    private LuaFunction luaToJava;

    @Setup
    public void compile() {
        lua = new LuaModule("calls", SOURCE);
        luaToLua = lua.function("lua");
        luaToJava = lua.function("java");
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object luaToLua() {
        return lua.call(luaToLua, (long) OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object luaToJavaBuiltin() {
        return lua.call(luaToJava, (long) OPS);
    }
}
