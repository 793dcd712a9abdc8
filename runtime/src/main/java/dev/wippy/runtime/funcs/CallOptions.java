package dev.wippy.runtime.funcs;

import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.sched.Backoff;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of one call (spec 03 §3.3.3): the entry's {@code meta.options} overlaid key by key with the
 * executor's {@code with_options}. Durations are milliseconds or duration strings.
 */
record CallOptions(Duration timeout, Retry retry) {

    /** The retry interceptor's settings (spec 03 §3.2.5). */
    record Retry(int maxAttempts, Backoff backoff, List<String> retryKinds, List<String> skipKinds) {
        static final Retry NONE = new Retry(0, new Backoff(Duration.ZERO, Duration.ZERO, 2, 0), null, List.of());
    }

    /** No timeout, no retry: made once, since most calls set no options and this runs for every call. */
    private static final CallOptions NONE = new CallOptions(null, Retry.NONE);

    static CallOptions merge(Map<String, Object> entryOptions, Map<String, Object> callOptions) {
        if (entryOptions.isEmpty() && callOptions.isEmpty()) {
            return NONE;
        }
        Map<String, Object> all = new LinkedHashMap<>(entryOptions);
        all.putAll(callOptions);
        return new CallOptions(duration(all.get("timeout"), null), retry(all.get("retry")));
    }

    private static Retry retry(Object raw) {
        if (!(raw instanceof Map<?, ?> r)) {
            return Retry.NONE;
        }
        double factor = number(r.get("backoff_factor"), 2.0);
        return new Retry((int) number(r.get("max_attempts"), 0),
                new Backoff(duration(r.get("initial_delay"), Duration.ofMillis(100)),
                        duration(r.get("max_delay"), Duration.ofSeconds(10)),
                        factor <= 0 ? 2.0 : factor,
                        number(r.get("jitter"), 0.1)),
                r.get("retry_kinds") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null,
                r.get("skip_kinds") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of());
    }

    private static double number(Object v, double otherwise) {
        return v instanceof Number n ? n.doubleValue() : otherwise;
    }

    private static Duration duration(Object v, Duration otherwise) {
        if (v == null) {
            return otherwise;
        }
        Duration d = ConfigDurations.parse(v);
        return d == null ? otherwise : d;
    }
}
