package dev.wippy.observability.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The recorded metric families and their series, on the Prometheus client's registry that the endpoint scrapes
 * (spec 08 §6.2). A family is fixed by its first recording: its type and its set of label names; later recordings
 * that disagree are dropped with one warning per family and reason. Histograms keep exact values (negative ones
 * too) in the buckets of the spec. Used by one thread only (the exporter), so it needs no locking of its own.
 */
final class Families {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.metrics");
    /** The histogram buckets of spec 08 §6.2. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry;
    private final Map<String, Family> byName = new HashMap<>();
    private final Set<String> warned = new HashSet<>();

    /** A family: its type, its label names in sorted order, and the client's metric. */
    private record Family(String type, String[] labelNames, StatefulMetric<?, ?> metric) {}

    Families(PrometheusRegistry registry) {
        this.registry = registry;
    }

    void apply(Recording r) {
        String name = PrometheusNames.metric(r.name());
        Map<String, String> labels = new TreeMap<>();
        r.labels().forEach((k, v) -> labels.put(PrometheusNames.label(k), v));
        Family f = byName.get(name);
        if (f == null) {
            f = create(name, r.kind(), labels.keySet().toArray(String[]::new));
            if (f == null) {
                return;
            }
        } else if (!f.type.equals(r.kind().type)) {
            warnOnce(name, "metric " + name + " is a " + f.type + "; a " + r.kind().type + " recording was dropped");
            return;
        } else if (!Set.of(f.labelNames).equals(labels.keySet())) {
            warnOnce(name + labels.keySet(), "metric " + name + " has labels " + Set.of(f.labelNames)
                    + "; a recording with labels " + labels.keySet() + " was dropped");
            return;
        }
        if (r.kind() == Recording.Kind.COUNTER_ADD && r.value() < 0) {
            warnOnce(name + "<0", "counter " + name + " cannot decrease; a negative counter_add was dropped");
            return;
        }
        Object point = f.metric.labelValues(labels.values().toArray(String[]::new));
        switch (r.kind()) {
            case COUNTER_ADD -> ((CounterDataPoint) point).inc(r.value());
            case GAUGE_SET -> ((GaugeDataPoint) point).set(r.value());
            case GAUGE_ADD -> ((GaugeDataPoint) point).inc(r.value());
            case HISTOGRAM -> ((DistributionDataPoint) point).observe(r.value());
        }
    }

    /** Registers a new family; null (with a warning) when the name is taken by a metric of the runtime. */
    private Family create(String name, Recording.Kind kind, String[] labelNames) {
        StatefulMetric<?, ?> metric;
        try {
            metric = switch (kind) {
                case COUNTER_ADD -> Counter.builder().withoutExemplars().name(name).labelNames(labelNames).register(registry);
                case GAUGE_SET, GAUGE_ADD -> Gauge.builder().withoutExemplars().name(name).labelNames(labelNames).register(registry);
                case HISTOGRAM -> Histogram.builder().withoutExemplars().name(name).labelNames(labelNames).classicOnly()
                        .classicUpperBounds(BUCKETS).register(registry);
            };
        } catch (RuntimeException e) {
            warnOnce(name + "!", "metric " + name + " cannot be recorded: " + e.getMessage());
            return null;
        }
        Family f = new Family(kind.type, labelNames, metric);
        byName.put(name, f);
        return f;
    }

    private void warnOnce(String key, String message) {
        if (warned.add(key)) {
            LOG.warn(message);
        }
    }
}
