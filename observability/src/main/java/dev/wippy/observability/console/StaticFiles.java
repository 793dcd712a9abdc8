package dev.wippy.observability.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The console's scripts, styles and the vendored chart library, read from the jar once and kept. */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "uPlot.iife.min.js", "text/javascript; charset=utf-8",
            "uPlot.min.css", "text/css; charset=utf-8");

    /** A file and its content type. */
    record File(String type, byte[] bytes) {}

    private final Map<String, File> loaded = new ConcurrentHashMap<>();

    /** The file named {@code name}, or null when the console has none of that name. */
    File get(String name) {
        String type = TYPES.get(name);
        return type == null ? null : loaded.computeIfAbsent(name, n -> new File(type, read(n)));
    }

    static byte[] read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("console resource missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
