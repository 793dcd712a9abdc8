package dev.wippy.observability;

import dev.wippy.http.server.HttpServers;
import dev.wippy.runtime.app.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime's own metrics, scraped while the observatory example runs: processes by host, spawns and exits,
 * mailbox depths, function calls and their latency, service restarts, queue figures, workflows by status and step
 * latency, HTTP requests by route and status, the JVM's heap and collections.
 */
class RuntimeMetricsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HTTP_INDEX = """
            namespace: app
            entries:
              - { name: gateway, kind: http.service, addr: "127.0.0.1:0", lifecycle: { auto_start: true } }
              - { name: api, kind: http.router, meta: { server: gateway }, prefix: / }
              - { name: hello, kind: function.lua, source: "file://hello.lua", method: handler, modules: [http] }
              - { name: hello.endpoint, kind: http.endpoint, meta: { router: app:api }, method: GET, path: /hello,
                  func: hello }
            """;
    private static final String HELLO = """
            local http = require("http")
            return { handler = function() http.response():write("hello") end }
            """;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRuntimePublishesWhatItRuns(@TempDir Path dir) throws Exception {
        Application app = Apps.example("observatory", dir, c -> c.with("prometheus", "address", "127.0.0.1:0"));
        try {
            Observability o = app.subsystem(Observability.class);
            String url = "http://127.0.0.1:" + o.endpoint().port() + "/metrics";
            // figures that only move once the app has done something: a job acked, the flaky service restarted
            // (it fails after 3 s), a shipment workflow done, its steps timed
            List<String> missing = awaitAll(url, o,
                    "wippy_processes_live\\{host=\"app:processes\"} [1-9]",
                    "wippy_processes_spawned_total\\{host=\"app:processes\"} [1-9]",
                    "wippy_processes_exited_total\\{host=\"app:processes\"} [1-9]",
                    "wippy_process_mailbox_depth_max \\d",
                    "wippy_function_calls_total\\{function_id=\"app:handle_job\",status=\"success\"} [1-9]",
                    "wippy_function_duration_seconds_count\\{function_id=\"app:handle_job\"[^}]*} [1-9]",
                    "wippy_service_restarts_total\\{service=\"app:flaky-service\"} [1-9]",
                    "wippy_services\\{state=\"running\"} [1-9]",
                    "wippy_queue_published_total\\{queue=\"app:jobs\"} [1-9]",
                    "wippy_queue_acked_total\\{queue=\"app:jobs\"} [1-9]",
                    "wippy_queue_depth\\{queue=\"app:jobs\"} \\d",
                    "wippy_queue_in_flight\\{queue=\"app:jobs\"} \\d",
                    "wippy_queue_dead_lettered_total\\{queue=\"app:jobs\"} 0",
                    "wippy_workflows\\{status=\"completed\"} [1-9]",
                    "wippy_workflow_step_duration_seconds_count [1-9]",
                    "jvm_memory_used_bytes\\{area=\"heap\"",
                    "jvm_gc_");
            assertThat(missing).as("metrics not seen within %s", PATIENCE).isEmpty();
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void httpRequestsAreCountedByServerRouteAndStatus(@TempDir Path dir) throws Exception {
        Application app = Apps.write(dir, "prometheus: { enabled: true, address: \"127.0.0.1:0\" }\n", HTTP_INDEX,
                OutputStream.nullOutputStream(), "hello.lua", HELLO);
        try {
            int port = app.subsystem(HttpServers.class).port("app:gateway");
            for (String path : List.of("/hello", "/hello?again", "/nowhere")) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            Observability o = app.subsystem(Observability.class);
            List<String> missing = awaitAll("http://127.0.0.1:" + o.endpoint().port() + "/metrics", o,
                    "wippy_http_server_requests_total\\{route=\"app:hello\",server=\"app:gateway\",status=\"200\"} 2\\.0",
                    "wippy_http_server_requests_total\\{route=\"unmatched\",server=\"app:gateway\",status=\"404\"} 1\\.0");
            assertThat(missing).isEmpty();
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }

    /** Scrapes until every pattern is found in one scrape; returns those still missing at the deadline. */
    private List<String> awaitAll(String url, Observability o, String... patterns)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> missing;
        do {
            o.collector().flush(1000);
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            missing = new ArrayList<>();
            for (String p : patterns) {
                if (!Pattern.compile("(?m)^" + p).matcher(body).find()) {
                    missing.add(p);
                }
            }
            if (!missing.isEmpty() && System.nanoTime() >= deadline) {
                missing.add("scraped:\n" + body);
            }
            if (!missing.isEmpty()) {
                Thread.sleep(250);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        return missing;
    }
}
