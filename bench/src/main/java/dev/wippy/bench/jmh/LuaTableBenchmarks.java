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

/**
 * Lua table reads and writes: the array part, the hash part with string keys, and a constant field {@code t.x}
 * (which the compiler serves through a per-site field cache). Each loop's own cost (a numeric for, an addition) is
 * part of every figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LuaTableBenchmarks {
    private static final int OPS = 1024;
    /** The hash benchmarks cycle through this many distinct string keys, OPS / KEYS times. */
    private static final int KEYS = 64;

    private static final String SOURCE = """
            local KEYS = ...
            local keys = {}
            for i = 1, KEYS do keys[i] = "key" .. i end
            local M = {}
            function M.array(n) local t = {} for i = 1, n do t[i] = i end return t end
            function M.hash() local t = {} for i = 1, KEYS do t[keys[i]] = i end return t end
            function M.point() return { x = 1, y = 2 } end
            function M.array_get(t, n) local s = 0 for i = 1, n do s = s + t[i] end return s end
            function M.array_set(t, n) for i = 1, n do t[i] = i end return t end
            -- the keys array is read too: a local, so that only its array part adds to the figure
            function M.hash_get(t, rounds)
                local s, ks = 0, keys
                for _ = 1, rounds do for j = 1, KEYS do s = s + t[ks[j]] end end
                return s
            end
            function M.hash_set(t, rounds)
                local ks = keys
                for r = 1, rounds do for j = 1, KEYS do t[ks[j]] = r end end
                return t
            end
            function M.field_get(p, n) local s = 0 for i = 1, n do s = s + p.x end return s end
            function M.field_set(p, n) for i = 1, n do p.x = i end return p end
            return M
            """;

    private LuaModule lua;
    private Object array;
    private Object hash;
    private Object point;
    private LuaFunction arrayGet;
    private LuaFunction arraySet;
    private LuaFunction hashGet;
    private LuaFunction hashSet;
    private LuaFunction fieldGet;
    private LuaFunction fieldSet;

    @Setup
    public void compile() {
        lua = new LuaModule("tables", SOURCE, (long) KEYS);
        array = lua.call(lua.function("array"), (long) OPS);
        hash = lua.call(lua.function("hash"), null);
        point = lua.call(lua.function("point"), null);
        arrayGet = lua.function("array_get");
        arraySet = lua.function("array_set");
        hashGet = lua.function("hash_get");
        hashSet = lua.function("hash_set");
        fieldGet = lua.function("field_get");
        fieldSet = lua.function("field_set");
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object arrayGet() {
        return lua.call(arrayGet, array, (long) OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object arraySet() {
        return lua.call(arraySet, array, (long) OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object hashGetStringKey() {
        return lua.call(hashGet, hash, (long) (OPS / KEYS));
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object hashSetStringKey() {
        return lua.call(hashSet, hash, (long) (OPS / KEYS));
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object fieldGet() {
        return lua.call(fieldGet, point, (long) OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object fieldSet() {
        return lua.call(fieldSet, point, (long) OPS);
    }
}
