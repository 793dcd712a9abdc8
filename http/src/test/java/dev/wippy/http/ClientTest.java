package dev.wippy.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code http_client} module (spec 07 §4) against this server on loopback: a handler under {@code /probe} calls
 * targets under {@code /target} and reports what it got.
 */
class ClientTest {
    @TempDir
    static Path dir;
    static HttpApp app;

    private static final String TARGET = """
            local http = require("http")
            local json = require("json")
            return { handler = function()
                local req = http.request()
                local res = http.response()
                local body = req:body()
                res:set_header("Set-Cookie", "session=s1; Path=/")
                res:set_header("X-Seen-Agent", req:header("User-Agent") or "")
                res:write_json({ method = req:method(), query = req:query_params(), body = body,
                    ctype = req:content_type() or "", custom = req:header("X-Custom") or "",
                    cookie = req:header("Cookie") or "", auth = req:header("Authorization") or "" })
            end }
            """;

    private static String probe(String lua) {
        return """
                local http = require("http")
                local http_client = require("http_client")
                local json = require("json")
                return { handler = function()
                    local base = "http://" .. http.request():host()
                    local out = (function() %s end)()
                    http.response():write(type(out) == "table" and json.encode(out) or tostring(out))
                end }
                """.formatted(lua);
    }

    @BeforeAll
    static void start() throws Exception {
        app = HttpApp.standard(dir, "", "")
                .endpoint("target", "POST", "/target/echo", "http, json", TARGET)
                .lua("target_get", "kind: function.lua\nmethod: handler\nmodules: [http, json]", TARGET)
                .raw("- name: ep_target_get\n  kind: http.endpoint\n  meta: { router: api }\n  method: GET\n"
                        + "  path: /target/echo\n  func: target_get")
                .endpoint("moved", "POST", "/target/moved/{code}", "http", """
                        local http = require("http")
                        return { handler = function()
                            local res = http.response()
                            res:set_header("Location", "/target/echo?from=" .. http.request():param("code"))
                            res:set_status(tonumber(http.request():param("code")))
                        end }
                        """)
                .endpoint("loop", "GET", "/target/loop", "http", """
                        local http = require("http")
                        return { handler = function()
                            http.response():set_header("Location", "/target/loop")
                            http.response():set_status(302)
                        end }
                        """)
                .endpoint("sleepy", "GET", "/target/sleepy", "http, time", """
                        local http = require("http")
                        return { handler = function()
                            require("time").sleep("2s")
                            http.response():write("late")
                        end }
                        """)
                .raw("- name: zipped\n  kind: http.router\n  meta: { server: gateway }\n  prefix: /gz\n"
                        + "  middleware: [compress]\n  options: { compress.min.length: 10 }")
                .lua("big", "kind: function.lua\nmethod: handler\nmodules: [http]", """
                        local http = require("http")
                        return { handler = function() http.response():write(string.rep("abc", 100)) end }
                        """)
                .raw("- name: ep_big\n  kind: http.endpoint\n  meta: { router: zipped }\n  method: GET\n  path: /big\n"
                        + "  func: big")
                .endpoint("p_get", "GET", "/probe/get", "http, http_client, json", probe("""
                        local r, err = http_client.get(base .. "/target/echo?a=1", {
                            query = { b = "two words", skip = 10 }, headers = { ["X-Custom"] = "yes" },
                            cookies = { c1 = "v1" }, auth = { user = "u", pass = "p" } })
                        if err then return err:message() end
                        local echoed = json.decode(r.body)
                        return { status = r.status_code, query = echoed.query, custom = echoed.custom,
                                 cookie = echoed.cookie, auth = echoed.auth, agent = r.headers["X-Seen-Agent"],
                                 cookies = r.cookies, size = r.body_size, url = r.url }"""))
                .endpoint("p_post", "GET", "/probe/post", "http, http_client, json", probe("""
                        local a = json.decode(http_client.post(base .. "/target/echo", {
                            body = "raw", headers = { ["Content-Type"] = "text/plain" } }).body)
                        local f = json.decode(http_client.post(base .. "/target/echo", {
                            form = { x = "1 2", y = "&" } }).body)
                        local m = json.decode(http_client.request("post", base .. "/target/echo", {
                            form = { note = "n" }, files = { { name = "up", filename = "a.txt", content = "FILE" } } }).body)
                        return { raw = a.body, raw_type = a.ctype, form = f.body, form_type = f.ctype,
                                 multipart = m.body:find("FILE", 1, true) ~= nil and m.body:find("note", 1, true) ~= nil,
                                 multipart_type = m.ctype:sub(1, 19) }"""))
                .endpoint("p_redirect", "GET", "/probe/redirect", "http, http_client, json", probe("""
                        local r303 = http_client.post(base .. "/target/moved/303", { body = "b" })
                        local r307 = http_client.post(base .. "/target/moved/307", { body = "kept" })
                        local _, loop = http_client.get(base .. "/target/loop")
                        return { m303 = json.decode(r303.body).method, m307 = json.decode(r307.body).method,
                                 b307 = json.decode(r307.body).body, url = r303.url, loop = loop:message(),
                                 retryable = loop:retryable() }"""))
                .endpoint("p_gzip", "GET", "/probe/gzip", "http, http_client, json", probe("""
                        local r = http_client.get(base .. "/gz/big")
                        return { size = r.body_size, encoding = r.headers["Content-Encoding"] or "none",
                                 head = r.body:sub(1, 6) }"""))
                .endpoint("p_batch", "GET", "/probe/batch", "http, http_client, json", probe("""
                        local rs, errs = http_client.request_batch({
                            { "GET", base .. "/target/echo" }, { "GET", "http://127.0.0.1:1/nothing" },
                            { "POST", base .. "/target/echo", { body = "z" } } })
                        local _, bad = http_client.request_batch({ { "GET", base, { stream = true } } })
                        return { first = rs[1].status_code, second = rs[2] == nil, third = rs[3].status_code,
                                 err = errs[2]:kind(), ok = errs[1] == nil, stream = bad:message() }"""))
                .endpoint("p_stream", "GET", "/probe/stream", "http, http_client, json", probe("""
                        local r = http_client.get(base .. "/gz/big", { stream = true })
                        local total = 0
                        while true do
                            local chunk = r.stream:read(64)
                            if not chunk then break end
                            total = total + #chunk
                        end
                        r.stream:close()
                        return { total = total, body = r.body == nil, size = r.body_size }"""))
                .endpoint("p_timeout", "GET", "/probe/timeout", "http, http_client, json", probe("""
                        local r, err = http_client.get(base .. "/target/sleepy", { timeout = "300ms" })
                        return { err = err:message(), kind = err:kind() }"""))
                .endpoint("p_uri", "GET", "/probe/uri", "http, http_client, json", probe("""
                        local bad, err = http_client.decode_uri("%zz")
                        return { enc = http_client.encode_uri("a b&c/é~"), dec = http_client.decode_uri("a+b%26c"),
                                 err = err:message() }"""))
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void getSendsQueryHeadersCookiesAndAuthAndReadsTheResponse() throws Exception {
        String r = app.get("/probe/get").body();
        assertThat(r).contains("\"status\":200", "\"a\":\"1\"", "\"b\":\"two words\"", "\"custom\":\"yes\"",
                "\"cookie\":\"c1=v1\"", "\"auth\":\"Basic dTpw\"", "\"agent\":\"Go-http-client/1.1\"",
                "\"cookies\":{\"session\":\"s1\"}");
        assertThat(r).doesNotContain("skip");
        assertThat(r).contains("\"url\":\"http://127.0.0.1:" + app.port() + "/target/echo?a=1&b=two+words\"");
    }

    @Test
    void bodiesFormsAndMultipartUploadsAreSent() throws Exception {
        assertThat(app.get("/probe/post").body()).contains("\"raw\":\"raw\"", "\"raw_type\":\"text/plain\"",
                "\"form\":\"x=1+2&y=%26\"", "\"form_type\":\"application/x-www-form-urlencoded\"",
                "\"multipart\":true", "\"multipart_type\":\"multipart/form-data\"");
    }

    @Test
    void redirectsAreFollowedWithTheRightMethodAndLimited() throws Exception {
        assertThat(app.get("/probe/redirect").body()).contains("\"m303\":\"GET\"", "\"m307\":\"POST\"",
                "\"b307\":\"kept\"", "/target/echo?from=303\"", "stopped after 10 redirects", "\"retryable\":true");
    }

    @Test
    void gzipIsUndoneTransparently() throws Exception {
        assertThat(app.get("/probe/gzip").body()).contains("\"size\":300", "\"encoding\":\"none\"",
                "\"head\":\"abcabc\"");
    }

    @Test
    void batchesRunTogetherAndReportErrorsPerRequest() throws Exception {
        assertThat(app.get("/probe/batch").body()).contains("\"first\":200", "\"second\":true", "\"third\":200",
                "\"err\":\"Internal\"", "\"ok\":true", "\"stream\":\"streaming not supported in batch requests\"");
    }

    @Test
    void streamedResponsesAreReadInChunks() throws Exception {
        assertThat(app.get("/probe/stream").body()).contains("\"total\":300", "\"body\":true", "\"size\":-1");
    }

    @Test
    void theTimeoutEndsASlowRequest() throws Exception {
        assertThat(app.get("/probe/timeout").body()).contains("Get \\\"http://127.0.0.1:", "timeout",
                "\"kind\":\"Internal\"");
    }

    @Test
    void uriEscaping() throws Exception {
        assertThat(app.get("/probe/uri").body()).contains("\"enc\":\"a+b%26c%2F%C3%A9~\"", "\"dec\":\"a b&c\"",
                "invalid URL escape \\\"%zz\\\"");
    }
}
