package dev.wippy.lua;

import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaInterrupt;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EmbeddingTest {
    private static LuaString str(String s) {
        return LuaString.of(s);
    }

    @Test
    void aCompiledChunkIsSharedByStatesWhoseGlobalsStaySeparate() {
        CompiledChunk chunk = Lua.compile("counter = (counter or 0) + 1; return counter", "shared");
        LuaState a = Lua.newState(Lua.Profile.SANDBOX);
        LuaState b = Lua.newState(Lua.Profile.SANDBOX);
        assertThat(chunk.instantiate(a.globals()).invoke1(a)).isEqualTo(1L);
        assertThat(chunk.instantiate(a.globals()).invoke1(a)).isEqualTo(2L);
        assertThat(chunk.instantiate(b.globals()).invoke1(b)).isEqualTo(1L);
        assertThat(b.globals().getStr(str("counter"))).isEqualTo(1L);
    }

    @Test
    void javaCallsLuaFunctionsAndGetsAllResults() {
        LuaState s = Lua.newState(Lua.Profile.SANDBOX);
        LuaTable exports = (LuaTable) Lua.compile("""
                local function divmod(a, b) return a // b, a % b end
                return { divmod = divmod }
                """, "m").instantiate(s.globals()).invoke1(s);
        LuaFunction divmod = (LuaFunction) exports.getStr(str("divmod"));
        assertThat(divmod.invoke(s, 17L, 5L)).containsExactly(3L, 2L);
    }

    @Test
    void luaCallsJavaFunctionsWithPucStyleArgumentErrors() {
        LuaState s = Lua.newState(Lua.Profile.SANDBOX);
        s.globals().putStr(str("twice"), new JavaFunction("twice",
                (st, args) -> Multi.of(Args.checkInteger(st, args, 0) * 2, str("ok"))));
        Object[] r = Lua.compile("return twice(21)", "c").instantiate(s.globals()).invoke(s);
        assertThat(r).containsExactly(42L, str("ok"));
        assertThatThrownBy(() -> Lua.compile("local x = twice({})", "c").instantiate(s.globals()).invoke(s))
                .isInstanceOf(LuaError.class)
                .hasMessage("c:1: bad argument #1 to 'twice' (number expected, got table)");
    }

    @Test
    void userdataGetMethodsAndANameFromTheirMetatable() {
        LuaState s = Lua.newState(Lua.Profile.SANDBOX);
        LuaTable meta = new LuaTable();
        LuaTable methods = new LuaTable();
        methods.putStr(str("size"), new JavaFunction("size", (st, a) -> (long) ((int[]) ((LuaUserdata) a[0])
                .payload()).length));
        meta.putStr(MetaNames.INDEX, methods);
        meta.putStr(MetaNames.NAME, str("IntArray"));
        s.globals().putStr(str("arr"), new LuaUserdata(new int[7], meta));
        Object[] r = Lua.compile("return arr:size(), type(arr), pcall(function() return arr + 1 end)", "u")
                .instantiate(s.globals()).invoke(s);
        assertThat(r).containsExactly(7L, str("userdata"), Boolean.FALSE,
                str("u:1: attempt to perform arithmetic on a IntArray value (global 'arr')"));
    }

    @Test
    void theBudgetHookInterruptsARunawayLoopThatPcallCannotCatch() {
        LuaState s = Lua.newState(Lua.Profile.SANDBOX);
        AtomicInteger calls = new AtomicInteger();
        s.setBudgetHook(st -> {
            if (calls.incrementAndGet() == 50) {
                throw new LuaInterrupt("terminated");
            }
        }, 1000);
        LuaFunction f = Lua.compile("while true do pcall(function() while true do end end) end", "spin")
                .instantiate(s.globals());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> f.invoke(s)).isInstanceOf(LuaInterrupt.class));
        assertThat(calls.get()).isEqualTo(50);
    }

    /** Found by StringLibraryFuzzTest: backtracking ran for seconds without a call to the hook. */
    @Test
    void theBudgetHookInterruptsABacktrackingPatternMatch() {
        LuaState s = Lua.newState(Lua.Profile.SANDBOX);
        s.setBudgetHook(st -> {
            throw new LuaInterrupt("terminated");
        }, 1000);
        LuaFunction f = Lua.compile("return string.match(string.rep('()', 3000), '%A*a*+%g')", "match")
                .instantiate(s.globals());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> f.invoke(s)).isInstanceOf(LuaInterrupt.class));
    }

    @Test
    void aCoroutineBlockingInJavaParksOnlyItsOwnVirtualThread() throws Exception {
        LuaState s = Lua.newState(Lua.Profile.SANDBOX);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> blockedOnVirtualThread = new AtomicReference<>();
        s.globals().putStr(str("block"), new JavaFunction("block", (st, a) -> {
            blockedOnVirtualThread.set(Thread.currentThread().isVirtual());
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        LuaFunction f = Lua.compile("""
                local co = coroutine.create(function() return block() end)
                return coroutine.resume(co)
                """, "b").instantiate(s.globals());
        AtomicReference<Object[]> result = new AtomicReference<>();
        Thread runner = Thread.ofVirtual().start(() -> result.set(f.invoke(s)));
        Thread.sleep(200);
        assertThat(runner.isAlive()).isTrue();
        assertThat(blockedOnVirtualThread.get()).isTrue();
        release.countDown();
        runner.join(5000);
        assertThat(result.get()).containsExactly(Boolean.TRUE, Boolean.TRUE);
    }

    @Test
    void deepRecursionIsACatchableStackOverflowError() {
        String out = LuaRunner.run("""
                local function f(n) return 1 + f(n + 1) end
                local ok, err = pcall(f, 1)
                print(ok, err)
                """);
        assertThat(out).isEqualTo("false\ttest:1: stack overflow\n");
    }

    @Test
    void unboundedTailRecursionRunsInConstantStack() {
        assertThat(LuaRunner.run("""
                local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
                print(loop(3000000, 0))
                """)).isEqualTo("3000000\n");
    }
}
