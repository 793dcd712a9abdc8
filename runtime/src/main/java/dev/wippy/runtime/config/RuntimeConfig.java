package dev.wippy.runtime.config;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Values;
import dev.wippy.runtime.registry.YamlFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The settings of {@code .wippy.yaml} that this runtime uses. {@code registryHistory} says whether earlier registry
 * versions are kept ({@code registry.enable_history}, and a {@code registry.history_type} other than {@code nil});
 * {@code settings} is the whole file, for the sections of extensions.
 */
public record RuntimeConfig(LogEncoding logEncoding, Duration shutdownTimeout, boolean registryHistory,
                            Map<String, Object> settings) {
    public static final String FILE = ".wippy.yaml";
    public static final RuntimeConfig DEFAULTS = new RuntimeConfig(LogEncoding.CONSOLE, Duration.ofSeconds(30), true,
            Map.of());

    /** How log lines are written. */
    public enum LogEncoding { CONSOLE, JSON }

    /** Reads {@code .wippy.yaml} from {@code root}; the defaults when there is none. */
    public static RuntimeConfig read(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        Object doc = YamlFiles.read(file).value();
        if (doc == null) {
            return DEFAULTS;
        }
        if (!(doc instanceof Map<?, ?> raw)) {
            throw new BootException(file + ": the configuration must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) raw;
        Object encoding = Values.at(top, "logger.encoding");
        LogEncoding log = DEFAULTS.logEncoding;
        if (encoding != null) {
            log = switch (encoding.toString()) {
                case "console" -> LogEncoding.CONSOLE;
                case "json" -> LogEncoding.JSON;
                default -> throw new BootException(file + ": logger.encoding must be 'console' or 'json', not '"
                        + encoding + "'");
            };
        }
        Duration timeout = DEFAULTS.shutdownTimeout;
        Object t = Values.at(top, "shutdown.timeout");
        if (t != null) {
            timeout = ConfigDurations.parse(t);
            if (timeout == null) {
                throw new BootException(file + ": shutdown.timeout is not a duration: " + t);
            }
        }
        return new RuntimeConfig(log, timeout, registryHistory(file, top), top);
    }

    /** A setting of the file by dotted path ({@code workflow.replay}), for extensions; null when absent. */
    public Object setting(String path) {
        return Values.at(settings, path);
    }

    /**
     * These settings with {@code section.key} set to {@code value}, as if the file said so (an option given on the
     * command line, such as {@code wippy run --console}).
     */
    public RuntimeConfig with(String section, String key, Object value) {
        Map<String, Object> top = new java.util.LinkedHashMap<>(settings);
        Map<String, Object> inner = new java.util.LinkedHashMap<>();
        if (top.get(section) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> inner.put(String.valueOf(k), v));
        }
        inner.put(key, value);
        top.put(section, inner);
        return new RuntimeConfig(logEncoding, shutdownTimeout, registryHistory, top);
    }

    /** Only in-memory history exists here; {@code sqlite} and {@code postgres} are optional (spec 01 §1.3). */
    private static boolean registryHistory(Path file, Map<String, Object> top) {
        Object enabled = Values.at(top, "registry.enable_history");
        if (enabled != null && !(enabled instanceof Boolean)) {
            throw new BootException(file + ": registry.enable_history must be true or false, not '" + enabled + "'");
        }
        Object type = Values.at(top, "registry.history_type");
        if (type != null && !type.equals("memory") && !type.equals("nil")) {
            throw new BootException(file + ": registry.history_type '" + type
                    + "' is not supported by this runtime (memory or nil)");
        }
        return !Boolean.FALSE.equals(enabled) && !"nil".equals(type);
    }
}
