package dev.wippy.workflow.core;

import dev.wippy.runtime.time.DurationText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading option values given as plain data (spec 05 §0): a number duration means milliseconds, a string is a
 * duration string such as {@code "1h30m"}.
 */
final class OptionValues {
    private OptionValues() {
    }

    static Duration duration(String key, Object v) {
        if (v == null) {
            return null;
        }
        Duration d;
        if (v instanceof Number n) {
            d = Duration.ofNanos(Math.round(n.doubleValue() * 1_000_000));
        } else if (v instanceof String s) {
            try {
                d = Duration.ofNanos(DurationText.parse(s));
            } catch (DurationText.InvalidDuration e) {
                throw new OptionError(key + ": not a duration: " + s);
            }
        } else {
            throw new OptionError(key + ": a duration must be milliseconds or a duration string");
        }
        if (d.isNegative()) {
            throw new OptionError(key + ": must not be negative");
        }
        return d;
    }

    static String string(String key, Object v) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new OptionError(key + ": must be a string");
        }
        return s;
    }

    static boolean flag(String key, Object v) {
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw new OptionError(key + ": must be true or false");
        }
        return b;
    }

    static double number(String key, Object v, double otherwise) {
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof Number n)) {
            throw new OptionError(key + ": must be a number");
        }
        return n.doubleValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String key, Object v) {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof List<?> list && list.isEmpty()) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new OptionError(key + ": must be a table");
        }
        return (Map<String, Object>) m;
    }

    static List<String> strings(String key, Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new OptionError(key + ": must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(string(key, o));
        }
        return out;
    }
}
