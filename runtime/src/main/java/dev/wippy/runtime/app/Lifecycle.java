package dev.wippy.runtime.app;

import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Entry;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** The {@code lifecycle} block of a service-like entry (spec 01 §1.10) with its defaults. */
record Lifecycle(boolean autoStart, Duration stopTimeout, Duration stableThreshold, Set<String> requires,
                 Duration initialDelay, Duration maxDelay, double backoffFactor, double jitter, long maxAttempts) {

    static Lifecycle of(Entry e) {
        Set<String> requires = new LinkedHashSet<>();
        for (String path : new String[] {"lifecycle.requires", "lifecycle.depends_on"}) {
            e.strings(path).forEach(r -> requires.add(r.contains(":") ? r : e.namespace() + ":" + r));
        }
        return new Lifecycle(e.flag("lifecycle.auto_start", false),
                ConfigDurations.of(e, "lifecycle.stop_timeout", Duration.ofSeconds(10)),
                ConfigDurations.of(e, "lifecycle.stable_threshold", Duration.ofSeconds(5)),
                Set.copyOf(requires),
                ConfigDurations.of(e, "lifecycle.restart.initial_delay", Duration.ofSeconds(1)),
                ConfigDurations.of(e, "lifecycle.restart.max_delay", Duration.ofSeconds(90)),
                number(e, "lifecycle.restart.backoff_factor", 2.0),
                number(e, "lifecycle.restart.jitter", 0.1),
                e.integer("lifecycle.restart.max_attempts", 0));
    }

    private static double number(Entry e, String path, double otherwise) {
        return e.field(path) instanceof Number n ? n.doubleValue() : otherwise;
    }

    /** The delay before restart number {@code attempt} (1-based), before jitter. */
    Duration backoff(int attempt) {
        double nanos = initialDelay.toNanos() * Math.pow(backoffFactor, attempt - 1);
        return Duration.ofNanos((long) Math.min(nanos, maxDelay.toNanos()));
    }
}
