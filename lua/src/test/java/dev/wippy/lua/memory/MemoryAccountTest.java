package dev.wippy.lua.memory;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state's memory account: what it holds is counted from its allocation points and checked against its limit,
 * so that holding more ends its code with {@link MemoryLimitExceeded} while making and dropping garbage does not.
 */
class MemoryAccountTest {
    private static final long LIMIT = 4L << 20;

    /** Runs {@code source} in {@code s} limited to {@code limit} bytes; returns what ended it or null. */
    private static Throwable run(LuaState s, long limit, String source) throws InterruptedException {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            s.setMemoryLimit(limit);
            try {
                Lua.compile(source, "test").instantiate(s.globals()).invoke(s);
            } catch (Throwable e) {
                ended.set(e);
            }
        }, "memory-test", 256L << 20);
        t.start();
        t.join();
        return ended.get();
    }

    private static LuaState state() {
        return Lua.newState(Lua.Profile.STANDALONE);
    }

    private static Object global(LuaState s, String name) {
        return s.globals().getStr(LuaString.of(name));
    }

    @Test
    void aTableKeptGrowingEndsTheCodeAndPcallCannotCatchIt() throws Exception {
        LuaState s = state();
        Throwable ended = run(s, LIMIT, """
                local ok = pcall(function()
                  local t = {}
                  for i = 1, 10000000 do
                    t[i] = "item " .. i
                    if i % 1000 == 0 then reached = i end
                  end
                end)
                caught = true
                """);
        assertThat(ended).isInstanceOf(MemoryLimitExceeded.class).hasMessage("memory limit exceeded");
        assertThat(global(s, "caught")).isNull();
        assertThat((Long) global(s, "reached")).isLessThan(1_000_000L);
        assertThat(s.memory().bytes()).isGreaterThan(LIMIT);
    }

    @Test
    void aListHeldOnlyByALocalIsFoundThroughTheSamples() throws Exception {
        LuaState s = state();
        Throwable ended = run(s, LIMIT, """
                local head = nil
                for i = 1, 10000000 do
                  head = { next = head, value = i }
                  if i % 1000 == 0 then reached = i end
                end
                """);
        assertThat(ended).isInstanceOf(MemoryLimitExceeded.class);
        assertThat((Long) global(s, "reached")).isLessThan(1_000_000L);
    }

    @Test
    void whatAStateChargedBeforeItHadAnAccountIsCounted() throws Exception {
        LuaState s = state();
        Throwable ended = run(s, 0, "kept = { 1, 2, 3, x = 1 }");
        assertThat(ended).isNull();
        assertThat(s.memory().bytes()).isBetween(Sizes.table(3, 1), MemoryAccount.SAMPLE_INTERVAL);
    }

    @Test
    void garbageMadeAndDroppedInALoopIsNotCounted() throws Exception {
        LuaState s = state();
        Throwable ended = run(s, LIMIT, """
                local keep = {}
                for i = 1, 50000 do
                  local t = {}
                  for j = 1, 100 do t[j] = "v" .. j end
                  local text = string.rep("x", 300) .. i
                  keep[i % 10 + 1] = { t, text }
                end
                done = true
                """);
        assertThat(ended).isNull();
        assertThat(global(s, "done")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void countIsTheAccountAndFollowsWhatIsKept() throws Exception {
        LuaState s = state();
        Throwable ended = run(s, 0, """
                collectgarbage()
                before = collectgarbage("count")
                local keep = {}
                for i = 1, 100000 do keep[i] = i end
                collectgarbage()
                kept = collectgarbage("count")
                size = #keep -- the JVM would collect a table no longer read
                keep = nil
                collectgarbage()
                after = collectgarbage("count")
                """);
        assertThat(ended).isNull();
        double before = (Double) global(s, "before");
        double kept = (Double) global(s, "kept");
        double after = (Double) global(s, "after");
        // 100000 slots in an array part of 131072, 16 bytes each: 2048 KB
        assertThat(kept - before).isBetween(2000.0, 2200.0);
        assertThat(after - before).isLessThan(10.0);
        assertThat(after).isEqualTo(s.memory().bytes() / 1024.0);
    }

    @Test
    void closuresCountTheValuesTheyCapture() throws Exception {
        LuaState s = state();
        Throwable ended = run(s, LIMIT, """
                getters = {}
                for i = 1, 8 do
                  local text = string.rep("x", 1000000) .. i
                  getters[i] = function() return text end
                  reached = i
                end
                """);
        assertThat(ended).isInstanceOf(MemoryLimitExceeded.class);
        assertThat((Long) global(s, "reached")).isBetween(3L, 6L);
    }

    @Test
    void userdataCountWhatTheyReport() throws Exception {
        LuaState s = state();
        class Buffer extends LuaUserdata implements MemorySized {
            Buffer() {
                super((LuaTable) null);
            }

            @Override
            public long memorySize() {
                return 6L << 20;
            }
        }
        s.globals().putStr(LuaString.of("buffer"), new Buffer());
        assertThat(run(s, LIMIT, "collectgarbage()")).isInstanceOf(MemoryLimitExceeded.class);
        assertThat(run(state(), LIMIT, "collectgarbage()")).isNull();
    }
}
