package dev.wippy.bench.jmh;

import dev.wippy.bench.FuncsBench;
import dev.wippy.runtime.app.Application;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code funcs.call} of a trivial Lua function from a process, in the app that bench/funcs-call.sh boots: each call
 * gets its own state and PID. The caller process's own start is spread over the calls it makes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FuncsCallBenchmark {
    private static final int CALLS = 1000;

    private Application app;

    @Setup
    public void boot() throws Exception {
        app = FuncsBench.boot();
    }

    @TearDown
    public void shutdown() {
        app.shutdown(Duration.ofSeconds(5));
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object funcsCall() throws Exception {
        return FuncsBench.run(app, "bench:caller", CALLS);
    }
}
