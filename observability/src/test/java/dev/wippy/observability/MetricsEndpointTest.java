package dev.wippy.observability;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics and system modules through a booted app, read back from the Prometheus endpoint. */
class MetricsEndpointTest {
    private static final String CONFIG = """
            prometheus: { enabled: true, address: "127.0.0.1:0" }
            metrics: { interceptor: { enabled: true } }
            """;
    private static final String INDEX = """
            namespace: app
            entries:
              - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
              - { name: processes, kind: process.host, lifecycle: { auto_start: true } }
              - { name: twice, kind: function.lua, source: "file://twice.lua", method: run }
              - name: main
                kind: process.lua
                source: file://main.lua
                method: main
                modules: [metrics, system, funcs, io, json]
            """;
    private static final String TWICE = "return { run = function(n) return n * 2 end }";
    private static final String MAIN = """
            local metrics = require("metrics")
            local system = require("system")
            local funcs = require("funcs")
            local io = require("io")
            local json = require("json")
            return { main = function()
                assert(metrics.counter_inc("test.counter.inc", { kind = "a", dropped = 5 }) == true)
                metrics.counter_add("orders_total", 3, { status = "new" })
                metrics.counter_add("orders_total", -1, { status = "new" })
                metrics.counter_add("orders_total", 2, { other = "label" })
                metrics.gauge_set("test.gauge.set", 7.5)
                metrics.gauge_inc("pending")
                metrics.gauge_inc("pending")
                metrics.gauge_dec("pending")
                metrics.histogram("request_duration_seconds", 0.03, { endpoint = "/x" })
                metrics.histogram("request_duration_seconds", -0.5, { endpoint = "/x" })
                metrics.gauge_set("orders_total", 1, { status = "new" })
                local ok = pcall(metrics.counter_inc, 5)
                assert(not ok, "a name that is not a string raises")
                assert(not pcall(metrics.histogram, "h", "fast"), "a value that is not a number raises")
                funcs.call("app:twice", 21)
                local mem = system.memory.stats()
                local _, missing = system.supervisor.state("app:nothing")
                local _, raft = system.raft.term()
                local _, bad = system.runtime.max_procs(0)
                io.print(json.encode({
                    alloc = mem.alloc > 0, objects = system.memory.heap_objects() > 0,
                    units = system.runtime.goroutines() > 0, cpus = system.runtime.cpu_count(),
                    limit = system.memory.set_limit(1000), limit_now = system.memory.get_limit(),
                    hosts = #system.hosts.list(), role = system.node.role(), size = system.cluster.size(),
                    missing = missing:kind(), raft = raft:message(), bad = bad:kind(),
                    float = math.type(system.runtime.cpu_count()) }))
                return 0
            end }
            """;

    @Test
    void recordingsAndTheRuntimesOwnMetricsAreScrapedAsPrometheusText(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Application app = Apps.write(dir, CONFIG, INDEX, out, "main.lua", MAIN, "twice.lua", TWICE);
        try {
            ExitResult r = app.run(app.target("app:main", null), List.of()).done().get();
            assertThat(r.error()).as(out.toString()).isNull();
            assertThat(out.toString()).contains("\"alloc\":true", "\"objects\":true", "\"units\":true",
                    "\"limit\":-1", "\"limit_now\":1000", "\"role\":\"non-member\"", "\"size\":1",
                    "\"missing\":\"NotFound\"", "\"raft\":\"raft not available\"", "\"bad\":\"Invalid\"",
                    "\"float\":\"float\"");
            Observability o = app.subsystem(Observability.class);
            o.collector().flush(2000);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + o.endpoint().port();
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                    assertThat(t).contains("version=0.0.4"));
            assertThat(metrics.body()).contains(
                    "test_counter_inc_total{kind=\"a\"} 1.0",
                    "orders_total{status=\"new\"} 3.0",
                    "test_gauge_set 7.5",
                    "pending 1.0",
                    "request_duration_seconds_bucket{endpoint=\"/x\",le=\"0.005\"} 1",
                    "request_duration_seconds_bucket{endpoint=\"/x\",le=\"0.05\"} 2",
                    "request_duration_seconds_count{endpoint=\"/x\"} 2",
                    "wippy_function_calls_total{function_id=\"app:twice\",status=\"success\"} 1.0",
                    "wippy_processes_spawned_total{host=\"app:terminal\"} 1.0",
                    "# TYPE jvm_memory_used_bytes gauge",
                    "jvm_gc_");
            assertThat(metrics.body()).doesNotContain("other=\"label\"").doesNotContain("orders_total{status=\"new\"} 1.0");
            HttpResponse<String> livez = http.send(HttpRequest.newBuilder(URI.create(base + "/livez")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(livez.statusCode()).isEqualTo(200);
            assertThat(livez.body()).isEqualTo("(no liveness checks registered)\n");
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }
}
