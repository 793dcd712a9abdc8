package dev.wippy.bench.jmh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each benchmark of the JMH suite run once, outside JMH: the build does not run the suite, so this is what shows
 * that its Lua programs and processes still work and compute what they claim to, before anyone reads its figures.
 */
class JmhSuiteTest {
    /** 1 + 2 + ... + 1024: what a loop over the benchmarks' 1024 operations adds up. */
    private static final long SUM_TO_1024 = 1024L * 1025 / 2;

    @Test
    void tableBenchmarksReadWhatTheyWrite() {
        LuaTableBenchmarks b = new LuaTableBenchmarks();
        b.compile();
        assertThat(b.arrayGet()).isEqualTo(SUM_TO_1024);
        b.arraySet();
        assertThat(b.arrayGet()).isEqualTo(SUM_TO_1024);
        // 16 rounds over 64 keys holding 1..64
        assertThat(b.hashGetStringKey()).isEqualTo(16L * (64 * 65 / 2));
        // the last of 16 rounds wrote 16 under every key
        b.hashSetStringKey();
        assertThat(b.hashGetStringKey()).isEqualTo(16L * 64 * 16);
        assertThat(b.fieldGet()).isEqualTo(1024L);
        b.fieldSet();
        assertThat(b.fieldGet()).isEqualTo(1024L * 1024);
    }

    @Test
    void callBenchmarksMakeEveryCall() {
        LuaCallBenchmarks b = new LuaCallBenchmarks();
        b.compile();
        assertThat(b.luaToLua()).isEqualTo(SUM_TO_1024);
        assertThat(b.luaToJavaBuiltin()).isEqualTo(SUM_TO_1024);
    }

    @Test
    void processBenchmarksExchangeEveryMessageAndSeeEveryExit() throws Exception {
        ProcessBenchmarks b = new ProcessBenchmarks();
        b.boot();
        assertThat(b.messagePingPong()).isEqualTo(1000L);
        assertThat(b.messageStream()).isEqualTo(10_000L);
        assertThat(b.spawnAndExit()).isEqualTo(1000L);
    }

    @Test
    void funcsCallBenchmarkMakesEveryCall() throws Exception {
        FuncsCallBenchmark b = new FuncsCallBenchmark();
        b.boot();
        try {
            // each call adds 1 to the sum
            assertThat(b.funcsCall()).isEqualTo(1000L);
        } finally {
            b.shutdown();
        }
    }
}
