package dev.wippy.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input (issue item 5): malformed requests, oversized headers and bodies, slow and idle clients, a handler that
 * never returns. Each gets a clear status or is cut off, and other requests keep being served.
 */
class LimitsTest {
    @TempDir
    static Path dir;
    static HttpApp app;

    @BeforeAll
    static void start() throws Exception {
        app = HttpApp.standard(dir, "timeouts: { read: 2s, write: 1s }", "")
                .endpoint("hello", "GET", "/hello", "http", """
                        local http = require("http")
                        return { handler = function() http.response():write("hi") end }
                        """)
                .endpoint("forever", "GET", "/forever", "http, time", """
                        local time = require("time")
                        return { handler = function() while true do time.sleep("1h") end end }
                        """)
                .endpoint("upload", "POST", "/upload", "http", """
                        local http = require("http")
                        return { handler = function()
                            local body, err = http.request({ max_body = 10 }):body()
                            http.response():write(err and err:message() or #body)
                        end }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void malformedRequestsGet400() throws Exception {
        for (String bad : new String[] {"GET /hello HTTP/1.1\r\nHost: a\r\nBad Header Line\r\n\r\n",
                "GET /hello HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n",
                "GET /hel lo HTTP/1.1\r\nHost: a\r\n\r\n", "GET /hello HTTP/1.1\r\n\r\n"}) {
            assertThat(RawHttp.exchange(app.port(), bad)).as(bad).startsWith("HTTP/1.1 400");
        }
        assertThat(app.get("/hello").body()).isEqualTo("hi");
    }

    @Test
    void headersOverOneMebibyteGet431() throws Exception {
        String big = "x".repeat(1100 * 1024);
        assertThat(RawHttp.exchange(app.port(), "GET /hello HTTP/1.1\r\nHost: a\r\nX-Huge: " + big + big
                + "\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(RawHttp.exchange(app.port(), "GET /hello HTTP/1.1\r\nHost: a\r\nX-Big: " + big + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431");
        assertThat(RawHttp.exchange(app.port(), "GET /hello HTTP/1.1\r\nHost: a\r\nX-Ok: " + "y".repeat(200_000)
                + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    @Test
    void bodiesOverTheServerLimitGet413AndOverTheHandlersLimitAnError() throws Exception {
        assertThat(RawHttp.exchange(app.port(), "POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 200000000\r\n"
                + "\r\n")).startsWith("HTTP/1.1 413");
        assertThat(app.request("POST", "/upload", "x".repeat(11)).body()).isEqualTo("request body too large");
        assertThat(app.request("POST", "/upload", "x".repeat(5)).body()).isEqualTo("5");
    }

    @Test
    void aHandlerThatNeverReturnsIsCanceledAtTheWriteTimeoutWith503() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = app.get("/forever");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("request timed out after 1000ms\n");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(900L, 10_000L);
    }

    @Test
    void slowClientsHoldNoThreadAndAreCutOffAtTheReadTimeout() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), app.port());
                s.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: a\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            assertThat(app.get("/hello").body()).isEqualTo("hi");
            Socket first = slow.getFirst();
            first.setSoTimeout(10_000);
            long start = System.nanoTime();
            assertThat(first.getInputStream().read()).as("the server closes the connection").isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(8000);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void idleKeepAliveConnectionsAreClosedAfterTheIdleLimit() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            assertThat(s.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            long start = System.nanoTime();
            RawHttp.readAll(s.getInputStream());
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(1000L, 12_000L);
        }
    }

    @Test
    void tenThousandIdleConnectionsLeaveTheServerResponsive() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process clients = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IdleClients.class.getName(), Integer.toString(app.port()), "10000")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream in = clients.getOutputStream()) {
            assertThat(out.readLine()).isEqualTo("ready 10000");
            app.get("/hello");
            long start = System.nanoTime();
            HttpResponse<String> r = app.get("/hello");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(r.body()).isEqualTo("hi");
            assertThat(millis).isLessThan(100);
        } finally {
            clients.destroy();
            clients.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
