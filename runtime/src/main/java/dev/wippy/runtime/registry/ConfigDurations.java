package dev.wippy.runtime.registry;

import dev.wippy.runtime.time.DurationText;

import java.time.Duration;

/**
 * Duration fields of entries and configuration (spec 01 §0): Go's duration text (the {@code time} module's
 * parser: {@code 500ms}, {@code 1m30s}, {@code 0}), and a bare YAML number read as milliseconds.
 */
public final class ConfigDurations {
    private ConfigDurations() {
    }

    /** The duration at {@code path} of {@code entry}, or {@code otherwise} when absent. */
    public static Duration of(Entry entry, String path, Duration otherwise) {
        Object v = entry.field(path);
        if (v == null) {
            return otherwise;
        }
        Duration d = parse(v);
        if (d == null) {
            throw BootException.at(entry, "field '" + path + "' is not a duration: " + v
                    + " (examples: 500ms, 1m30s, 10s)");
        }
        return d;
    }

    /** Parses a duration value; null when it is not one. */
    public static Duration parse(Object value) {
        if (value instanceof Number n) {
            return Duration.ofNanos(Math.round(n.doubleValue() * 1_000_000));
        }
        try {
            return Duration.ofNanos(DurationText.parse(value.toString().trim()));
        } catch (DurationText.InvalidDuration e) {
            return null;
        }
    }
}
