package dev.wippy.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in middleware of spec 07 §3 over real requests. */
class MiddlewareTest {
    @TempDir
    static Path dir;
    static HttpApp app;

    private static final String ECHO_REMOTE = """
            local http = require("http")
            return { handler = function()
                http.response():write(http.request():remote_addr())
            end }
            """;

    @BeforeAll
    static void start() throws Exception {
        app = HttpApp.standard(dir, "", """
                prefix: /cors
                middleware: [cors]
                options: { cors.allow.origins: "https://app.example.com,*.trusted.org,localhost", cors.max.age: 600,
                           cors.expose.headers: X-Total, cors.allow.credentials: true }
                """)
                .endpoint("data", "GET", "/data", "http", """
                        local http = require("http")
                        return { handler = function() http.response():write("data") end }
                        """)
                .raw("""
                        - name: zip_router
                          kind: http.router
                          meta: { server: gateway }
                          prefix: /zip
                          middleware: [compress]
                          options: { compress.min.length: 100 }
                        - name: zip_ep
                          kind: http.endpoint
                          meta: { router: zip_router }
                          method: GET
                          path: /{n}
                          func: big
                        - name: limited
                          kind: http.router
                          meta: { server: gateway }
                          prefix: /limited
                          middleware: [ratelimit]
                          options: { ratelimit.requests: 1, ratelimit.window: 1h, ratelimit.burst: 2 }
                        - name: limited_ep
                          kind: http.endpoint
                          meta: { router: limited }
                          method: GET
                          path: /x
                          func: remote
                        - name: by_key
                          kind: http.router
                          meta: { server: gateway }
                          prefix: /keyed
                          middleware: [ratelimit]
                          options: { ratelimit.key: "header:X-Api-Key", ratelimit.burst: 1, ratelimit.window: 1h }
                        - name: keyed_ep
                          kind: http.endpoint
                          meta: { router: by_key }
                          method: GET
                          path: /x
                          func: remote
                        - name: proxied
                          kind: http.router
                          meta: { server: gateway }
                          prefix: /proxied
                          middleware: [real_ip]
                        - name: proxied_ep
                          kind: http.endpoint
                          meta: { router: proxied }
                          method: GET
                          path: /ip
                          func: remote
                        - name: untrusting
                          kind: http.router
                          meta: { server: gateway }
                          prefix: /direct
                          middleware: [real_ip]
                          options: { real_ip.trusted.subnets: "10.0.0.0/8" }
                        - name: direct_ep
                          kind: http.endpoint
                          meta: { router: untrusting }
                          method: GET
                          path: /ip
                          func: remote
                        """)
                .lua("big", "kind: function.lua\nmethod: handler\nmodules: [http]", """
                        local http = require("http")
                        return { handler = function()
                            local n = tonumber(http.request():param("n"))
                            local res = http.response()
                            res:set_content_type("text/plain")
                            res:write(string.rep("wippy ", n))
                        end }
                        """)
                .lua("remote", "kind: function.lua\nmethod: handler\nmodules: [http]", ECHO_REMOTE)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return app.send(b);
    }

    @Test
    void corsAnswersPreflightsOfAllowedOriginsWithTheEchoedOrigin() throws Exception {
        HttpResponse<String> r = app.request("OPTIONS", "/cors/data", null, "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "PUT");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example.com");
        assertThat(r.headers().firstValue("access-control-allow-methods")).hasValue(
                "GET,POST,PUT,DELETE,OPTIONS,PATCH");
        assertThat(r.headers().firstValue("access-control-max-age")).hasValue("600");
        assertThat(r.headers().firstValue("access-control-allow-credentials")).hasValue("true");
        assertThat(r.headers().firstValue("vary")).hasValue(
                "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    }

    @Test
    void corsMatchesSubdomainsAndLocalhostAndLeavesOthersAlone() throws Exception {
        assertThat(get("/cors/data", "Origin", "https://api.trusted.org").headers()
                .firstValue("access-control-allow-origin")).hasValue("https://api.trusted.org");
        assertThat(get("/cors/data", "Origin", "https://trusted.org").headers()
                .firstValue("access-control-allow-origin")).isEmpty();
        assertThat(get("/cors/data", "Origin", "http://localhost:5173").headers()
                .firstValue("access-control-expose-headers")).hasValue("X-Total");
        HttpResponse<String> other = get("/cors/data", "Origin", "https://evil.com");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("data");
        assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
        HttpResponse<String> preflight = app.request("OPTIONS", "/cors/data", null, "Origin", "https://evil.com",
                "Access-Control-Request-Method", "PUT");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void compressGzipsLargeEnoughBodiesForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> big = app.sendBytes(HttpRequest.newBuilder(app.uri("/zip/100"))
                .header("Accept-Encoding", "gzip"));
        assertThat(big.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(big.headers().firstValue("vary")).hasValue("Accept-Encoding");
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(big.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("wippy ".repeat(100));
        assertThat(big.body().length).isLessThan(100);
        HttpResponse<String> small = get("/zip/3", "Accept-Encoding", "gzip");
        assertThat(small.headers().firstValue("content-encoding")).isEmpty();
        assertThat(small.body()).isEqualTo("wippy wippy wippy ");
        assertThat(get("/zip/100").headers().firstValue("content-encoding")).isEmpty();
    }

    @Test
    void rateLimitLetsTheBurstThroughThenAnswers429() throws Exception {
        assertThat(get("/limited/x").statusCode()).isEqualTo(200);
        assertThat(get("/limited/x").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get("/limited/x");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("Rate limit exceeded\n");
        assertThat(refused.headers().firstValue("x-ratelimit-limit")).hasValue("1");
        assertThat(refused.headers().firstValue("x-ratelimit-window")).hasValue("1h");
    }

    @Test
    void rateLimitByHeaderKeepsOneBucketPerKeyAndNeedsTheKey() throws Exception {
        assertThat(get("/keyed/x", "X-Api-Key", "a").statusCode()).isEqualTo(200);
        assertThat(get("/keyed/x", "X-Api-Key", "a").statusCode()).isEqualTo(429);
        assertThat(get("/keyed/x", "X-Api-Key", "b").statusCode()).isEqualTo(200);
        HttpResponse<String> none = get("/keyed/x");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).isEqualTo("Rate limit key extraction failed\n");
    }

    @Test
    void realIpBelievesTrustedProxiesOnly() throws Exception {
        assertThat(get("/proxied/ip", "X-Forwarded-For", "203.0.113.7, 10.0.0.1").body()).isEqualTo("203.0.113.7");
        assertThat(get("/proxied/ip", "X-Real-IP", "198.51.100.2").body()).isEqualTo("198.51.100.2");
        assertThat(get("/proxied/ip", "X-Forwarded-For", "not-an-ip").body()).startsWith("127.0.0.1:");
        assertThat(get("/direct/ip", "X-Forwarded-For", "203.0.113.7").body()).startsWith("127.0.0.1:");
    }
}
