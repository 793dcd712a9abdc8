package dev.wippy.observability;

import dev.wippy.observability.metrics.MetricsCollector;
import dev.wippy.runtime.config.RuntimeConfig;
import dev.wippy.runtime.registry.BootException;

/**
 * The {@code .wippy.yaml} settings of observability (spec 08 §6.3), checked at boot: the Prometheus endpoint, the
 * metrics buffer, function call metrics, and the console's address ({@code console.address}, which
 * {@code wippy run --console} sets).
 */
record ObservabilitySettings(boolean prometheus, String prometheusAddress, int bufferSize, boolean interceptor,
                             String consoleAddress) {

    /** @throws BootException naming the setting of the file that is wrong */
    static ObservabilitySettings of(RuntimeConfig config) {
        Object buffer = config.setting("metrics.buffer.size");
        if (buffer != null && !(buffer instanceof Integer || buffer instanceof Long)) {
            throw bad("metrics.buffer.size must be a whole number, not '" + buffer + "'");
        }
        int size = buffer == null ? MetricsCollector.DEFAULT_BUFFER : (int) Math.min(Integer.MAX_VALUE,
                ((Number) buffer).longValue());
        if (size < 0) {
            throw bad("metrics.buffer.size must not be negative");
        }
        return new ObservabilitySettings(flag(config, "prometheus.enabled"), text(config, "prometheus.address"),
                size, flag(config, "metrics.interceptor.enabled"), text(config, "console.address"));
    }

    private static boolean flag(RuntimeConfig config, String path) {
        Object v = config.setting(path);
        if (v != null && !(v instanceof Boolean)) {
            throw bad(path + " must be true or false, not '" + v + "'");
        }
        return Boolean.TRUE.equals(v);
    }

    private static String text(RuntimeConfig config, String path) {
        Object v = config.setting(path);
        if (v != null && !(v instanceof String)) {
            throw bad(path + " must be a host:port text, not '" + v + "'");
        }
        return v == null ? "" : (String) v;
    }

    private static BootException bad(String message) {
        return new BootException(RuntimeConfig.FILE + ": " + message);
    }
}
