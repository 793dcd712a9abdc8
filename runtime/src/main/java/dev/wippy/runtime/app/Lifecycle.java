package dev.wippy.runtime.app;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.sched.Backoff;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code lifecycle} block of a service-like entry (spec 03 §3.5.2) with its defaults; a zero value takes the
 * default as well.
 */
record Lifecycle(boolean autoStart, boolean required, Duration startTimeout, Duration stopTimeout,
                 Duration stableThreshold, Set<String> requires, Backoff restart, long maxAttempts) {

    static Lifecycle of(Entry e) {
        Set<String> requires = new LinkedHashSet<>();
        for (String path : new String[] {"lifecycle.requires", "lifecycle.depends_on"}) {
            e.strings(path).forEach(r -> requires.add(r.contains(":") ? r : e.namespace() + ":" + r));
        }
        String startup = e.string("lifecycle.startup");
        if (startup != null && !startup.equals("required") && !startup.equals("optional")) {
            throw BootException.at(e, "lifecycle.startup must be 'required' or 'optional', not '" + startup + "'");
        }
        return new Lifecycle(e.flag("lifecycle.auto_start", false), !"optional".equals(startup),
                duration(e, "lifecycle.start_timeout", Duration.ofSeconds(10)),
                duration(e, "lifecycle.stop_timeout", Duration.ofSeconds(10)),
                duration(e, "lifecycle.stable_threshold", Duration.ofSeconds(5)),
                Set.copyOf(requires),
                new Backoff(duration(e, "lifecycle.restart.initial_delay", Duration.ofSeconds(1)),
                        duration(e, "lifecycle.restart.max_delay", Duration.ofSeconds(90)),
                        number(e, "lifecycle.restart.backoff_factor", 2.0),
                        number(e, "lifecycle.restart.jitter", 0.1)),
                e.integer("lifecycle.restart.max_attempts", 0));
    }

    private static Duration duration(Entry e, String path, Duration otherwise) {
        Duration d = ConfigDurations.of(e, path, otherwise);
        return d.isZero() ? otherwise : d;
    }

    private static double number(Entry e, String path, double otherwise) {
        return e.field(path) instanceof Number n && n.doubleValue() != 0 ? n.doubleValue() : otherwise;
    }
}
