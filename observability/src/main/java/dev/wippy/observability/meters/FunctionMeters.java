package dev.wippy.observability.meters;

import dev.wippy.runtime.funcs.CallListener;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The function call metrics that spec 08 §6.3 allows with {@code metrics.interceptor.enabled}:
 * {@code wippy_function_calls_total{function_id,status}} and {@code wippy_function_duration_seconds{function_id}}
 * (the histogram buckets of §6.2). The series of a function are looked up once and kept.
 */
public final class FunctionMeters implements CallListener {
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Counter calls;
    private final Histogram duration;
    private final ConcurrentHashMap<String, PerFunction> byId = new ConcurrentHashMap<>();

    private record PerFunction(CounterDataPoint ok, CounterDataPoint failed, DistributionDataPoint duration) {}

    public FunctionMeters(PrometheusRegistry registry) {
        calls = Counter.builder().withoutExemplars().name("wippy_function_calls").labelNames("function_id", "status").register(registry);
        duration = Histogram.builder().withoutExemplars().name("wippy_function_duration_seconds").labelNames("function_id")
                .classicOnly().classicUpperBounds(BUCKETS).register(registry);
    }

    @Override
    public void finished(String functionId, long nanos, boolean failed) {
        PerFunction f = byId.get(functionId);
        if (f == null) {
            f = byId.computeIfAbsent(functionId, id -> new PerFunction(calls.labelValues(id, "success"),
                    calls.labelValues(id, "error"), duration.labelValues(id)));
        }
        (failed ? f.failed : f.ok).inc();
        f.duration.observe(nanos / 1e9);
    }
}
