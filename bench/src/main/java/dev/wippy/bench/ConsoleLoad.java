package dev.wippy.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The console's cost in a benchmark: with {@code -Dwippy.bench.console=ADDR} the benchmark starts the console and
 * this reads one page's live stream for the whole run, as an open browser tab does (the browser's own drawing is on
 * the viewer's machine, so it is left out).
 */
final class ConsoleLoad {
    static final String PROPERTY = "wippy.bench.console";

    private ConsoleLoad() {
    }

    /** The console address to start, or null when the benchmark runs without it. */
    static String address() {
        return System.getProperty(PROPERTY);
    }

    /** Reads {@code url} (an {@code /events/...} stream) on a daemon thread until the process ends. */
    static void watch(String url) {
        Thread.ofPlatform().daemon().name("console-viewer").start(() -> {
            try (InputStream in = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body()) {
                byte[] buffer = new byte[8192];
                while (in.read(buffer) >= 0) {
                    Thread.onSpinWait();
                }
            } catch (Exception e) {
                System.err.println("console viewer: " + e);
            }
        });
    }
}
