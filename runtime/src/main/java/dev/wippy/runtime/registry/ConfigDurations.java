package dev.wippy.runtime.registry;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Duration fields of entries and configuration (spec 01 §0): {@code <decimal><unit>} groups with units
 * {@code ns us µs ms s m h}, {@code 0} for zero, and a bare YAML number read as milliseconds.
 */
public final class ConfigDurations {
    private static final Pattern GROUP = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

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
        String s = value.toString().trim();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        Matcher m = GROUP.matcher(s);
        double nanos = 0;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            at = m.end();
        }
        if (at == 0) {
            return null;
        }
        return Duration.ofNanos(Math.round(negative ? -nanos : nanos));
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
