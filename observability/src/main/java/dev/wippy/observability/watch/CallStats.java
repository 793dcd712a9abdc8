package dev.wippy.observability.watch;

import dev.wippy.runtime.funcs.CallListener;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Function calls as the console shows them: per function, calls and failures since boot and the latencies of the
 * calls since the last look (a recorder swapped per interval, so recording stays a few nanoseconds).
 */
public final class CallStats implements CallListener {
    private final ConcurrentHashMap<String, PerFunction> byId = new ConcurrentHashMap<>();

    private static final class PerFunction {
        final LongAdder calls = new LongAdder();
        final LongAdder failures = new LongAdder();
        final Recorder latencies = new Recorder(3);
        /** Guarded by {@link CallStats#interval}: what the last interval recorded, and its calls then. */
        long callsAtLastLook;
    }

    /** One function's figures over the last interval. */
    public record Interval(long calls, long failures, long callsInInterval, double p50Millis, double p95Millis,
                           double p99Millis, double maxMillis) {}

    @Override
    public void finished(String functionId, long nanos, boolean failed) {
        PerFunction f = byId.get(functionId);
        if (f == null) {
            f = byId.computeIfAbsent(functionId, k -> new PerFunction());
        }
        f.calls.increment();
        if (failed) {
            f.failures.increment();
        }
        f.latencies.recordValue(Math.max(1, nanos));
    }

    /** Every function's figures since the previous call of this method, by function ID. */
    public synchronized Map<String, Interval> interval() {
        Map<String, Interval> out = new TreeMap<>();
        byId.forEach((id, f) -> {
            Histogram h = f.latencies.getIntervalHistogram();
            long calls = f.calls.sum();
            long inInterval = calls - f.callsAtLastLook;
            f.callsAtLastLook = calls;
            out.put(id, new Interval(calls, f.failures.sum(), inInterval, millis(h, 50), millis(h, 95),
                    millis(h, 99), h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1e6));
        });
        return out;
    }

    private static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
    }
}
