package dev.wippy.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Graceful stop (issue item 3): stop accepting, finish in-flight requests within the timeout, then cancel. */
class ShutdownTest {
    @TempDir
    Path dir;

    private HttpApp app(String sleep) throws Exception {
        return HttpApp.standard(dir, "", "").endpoint("slow", "GET", "/slow", "http, time", """
                local http = require("http")
                local time = require("time")
                return { handler = function()
                    time.sleep("%s")
                    http.response():write("finished")
                end }
                """.formatted(sleep)).start();
    }

    @Test
    void inFlightRequestsFinishAndNewConnectionsAreRefused() throws Exception {
        try (HttpApp app = app("700ms")) {
            int port = app.port();
            assertThat(app.get("/warm-up").statusCode()).isEqualTo(404);
            CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(() -> get(app, "/slow"));
            Thread.sleep(200);
            List<String> cut = app.stop(Duration.ofSeconds(10));
            assertThat(cut).isEmpty();
            HttpResponse<String> r = running.get(10, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("finished");
            assertThatThrownBy(() -> RawHttp.exchange(port, "GET /slow HTTP/1.1\r\nHost: a\r\n\r\n"))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void requestsStillRunningAtTheTimeoutAreCanceled() throws Exception {
        try (HttpApp app = app("1h")) {
            assertThat(app.get("/warm-up").statusCode()).isEqualTo(404);
            CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(() -> get(app, "/slow"));
            Thread.sleep(300);
            long start = System.nanoTime();
            List<String> cut = app.stop(Duration.ofMillis(500));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
            assertThat(cut).anySatisfy(c -> assertThat(c).contains("GET /slow on app:gateway"));
            HttpResponse<String> r = running.get(10, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("server stopping\n");
        }
    }

    private static HttpResponse<String> get(HttpApp app, String path) {
        try {
            return app.get(path);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
