package dev.wippy.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Handlers over real requests: the outcome rules (spec 07 §2.2), the Request and Response objects (§2.5, §2.8). */
class HandlerTest {
    @TempDir
    static Path dir;
    static HttpApp app;

    private static final String RES = "local http = require(\"http\")\nlocal function handler()\n"
            + "    local res = http.response()\n";
    private static final String END = "\nend\nreturn { handler = handler }\n";

    @BeforeAll
    static void start() throws Exception {
        app = HttpApp.standard(dir, "", "prefix: /t/")
                .endpoint("hello", "GET", "/hello", "http", RES + """
                    res:set_content_type(http.CONTENT.JSON)
                    res:set_status(http.STATUS.OK)
                    res:write_json({ message = "Hello, World!" })""" + END)
                .endpoint("nothing", "GET", "/outcome/nothing", "http", RES + "return" + END)
                .endpoint("returns_nil", "GET", "/outcome/nil", "http", RES + "return nil" + END)
                .endpoint("raises", "GET", "/outcome/raise", "http", RES + "error('boom', 0)" + END)
                .endpoint("err_text", "GET", "/outcome/errtext", "http", RES + "return nil, 'bad thing'" + END)
                .endpoint("handled_fail", "GET", "/outcome/handled", "http", RES
                        + "res:set_header('X-A', '1')\nerror('late')" + END)
                .raw("- name: ep_missing\n  kind: http.endpoint\n  meta: { router: app:api }\n  method: GET\n"
                        + "  path: /outcome/missing\n  func: app:no_such_function")
                .endpoint("sniff", "GET", "/sniff", "http", RES + "res:set_status(201)\nres:write_json({a = 1})" + END)
                .endpoint("late", "GET", "/late", "http", RES + """
                    res:write("x")
                    local err = res:set_header("X-Late", "y")
                    res:write(" " .. err:kind() .. ": " .. err:message())""" + END)
                .endpoint("text", "GET", "/text", "http", RES + "res:write('hello body')" + END)
                .endpoint("html", "GET", "/html", "http", RES + "res:write('<html><body>x</body></html>')" + END)
                .endpoint("echo", "POST", "/req/{id}/{rest...}", "http, json", """
                    local http = require("http")
                    local json = require("json")
                    local function handler()
                        local req = http.request()
                        local res = http.response()
                        local body = req:body()
                        res:write_json({
                            method = req:method(), path = req:path(), id = req:param("id"),
                            rest = req:param("rest"), q = req:query("q"), missing = req:query("zzz") == nil,
                            params = req:query_params(), custom = req:header("X-Custom-Header"),
                            lower = req:header("x-custom-header") == nil, ctype = req:content_type(),
                            length = req:content_length(), has_body = req:has_body(), body = body,
                            accepts = req:accepts("application/json"), is_json = req:is_content_type("text/"),
                            text = tostring(req), host = req:host(), remote = req:remote_addr()
                        })
                    end
                    return { handler = handler }
                    """)
                .endpoint("json_in", "POST", "/json", "http", """
                    local http = require("http")
                    local function handler()
                        local req = http.request()
                        local res = http.response()
                        local data, err = req:body_json()
                        if err then
                            res:set_status(400)
                            res:write(err:kind() .. ": " .. err:message())
                            return
                        end
                        local again, err2 = req:body()
                        res:write_json({ name = data.name, second = err2 and err2:kind() or "none" })
                    end
                    return { handler = handler }
                    """)
                .endpoint("chunks", "GET", "/chunks", "http, time", RES + """
                    res:set_transfer(http.TRANSFER.CHUNKED)
                    res:set_content_type("text/plain")
                    res:write("a")
                    res:flush()
                    require("time").sleep("50ms")
                    res:write("b")""" + END)
                .endpoint("events", "GET", "/events", "http", RES + """
                    for pct = 0, 100, 50 do
                        res:write_event({ name = "progress", data = { percent = pct } })
                    end
                    local err = res:set_status(500)
                    res:write_event({ name = "done", data = err:message() })""" + END)
                .endpoint("sse_after_status", "GET", "/sse-late", "http", RES + """
                    res:set_status(200)
                    local err = res:write_event({ name = "x", data = 1 })
                    res:write(err:message())""" + END)
                .endpoint("caller", "GET", "/nested", "http, funcs", RES + """
                    local v, err = require("funcs").call("app:inner")
                    res:write(tostring(v))""" + END)
                .lua("inner", "kind: function.lua\nmethod: handler\nmodules: [http]", """
                    local http = require("http")
                    return { handler = function()
                        local req, err = http.request()
                        return err:kind() .. ": " .. err:message()
                    end }
                    """)
                .endpoint("request_id", "GET", "/id", "http, ctx", RES + "res:write(require('ctx').get('request_id'))"
                        + END)
                .endpoint("bad_status", "GET", "/bad-status", "http", RES + """
                    local ok, err = pcall(function() res:set_status(42) end)
                    res:write(tostring(ok) .. " " .. tostring(err))""" + END)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void helloWorldWritesJsonWithStatusTypeLengthAndDate() throws Exception {
        HttpResponse<String> r = app.get("/t/hello");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"message\":\"Hello, World!\"}");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.headers().firstValue("content-length")).hasValue("27");
        assertThat(r.headers().firstValue("date")).isPresent();
    }

    @Test
    void aHandlerThatReturnsNothingAnswers500NoResponseSent() throws Exception {
        HttpResponse<String> r = app.get("/t/outcome/nothing");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("no response sent\n");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    }

    @Test
    void aHandlerReturningNilAnswers200JsonWithEmptyBody() throws Exception {
        HttpResponse<String> r = app.get("/t/outcome/nil");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void errorsBecome500WithTheirMessageAndNoStackTrace() throws Exception {
        HttpResponse<String> raised = app.get("/t/outcome/raise");
        assertThat(raised.statusCode()).isEqualTo(500);
        assertThat(raised.body()).isEqualTo("boom\n");
        HttpResponse<String> returned = app.get("/t/outcome/errtext");
        assertThat(returned.statusCode()).isEqualTo(500);
        assertThat(returned.body()).isEqualTo("bad thing\n");
    }

    @Test
    void aFailureAfterTheResponseWasHandledLeavesItAsWritten() throws Exception {
        HttpResponse<String> r = app.get("/t/outcome/handled");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-a")).hasValue("1");
    }

    @Test
    void aMissingHandlerFunctionAnswers500() throws Exception {
        HttpResponse<String> r = app.get("/t/outcome/missing");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("app:no_such_function");
    }

    @Test
    void jsonAfterSetStatusIsSniffedAsText() throws Exception {
        HttpResponse<String> r = app.get("/t/sniff");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(app.get("/t/html").headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void headersCannotChangeAfterCommit() throws Exception {
        HttpResponse<String> r = app.get("/t/late");
        assertThat(r.body()).isEqualTo("x Invalid: cannot set headers after they are sent");
        assertThat(r.headers().firstValue("x-late")).isEmpty();
    }

    @Test
    void headGetsTheGetHandlersHeadersWithoutBody() throws Exception {
        HttpResponse<String> r = app.request("HEAD", "/t/text", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("content-length")).hasValue("10");
    }

    @Test
    void everyPathGetsAnAutomaticOptionsAnswerAnd405ListsItsMethods() throws Exception {
        HttpResponse<String> options = app.request("OPTIONS", "/t/text", null);
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.body()).isEmpty();
        HttpResponse<String> wrong = app.request("DELETE", "/t/text", null);
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(wrong.body()).isEqualTo("Method Not Allowed\n");
        HttpResponse<String> none = app.get("/t/nowhere");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).isEqualTo("404 page not found\n");
    }

    @Test
    void uncleanPathsAndSubtreesWithoutSlashRedirect() throws Exception {
        HttpResponse<String> r = app.get("/t//hello?x=1");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("location")).hasValue("/t/hello?x=1");
    }

    @Test
    void theRequestObjectShowsMethodPathParamsQueryHeadersAndBody() throws Exception {
        HttpResponse<String> r = app.request("POST", "/t/req/a%2Fb/x/y?q=hello+world&q=2&tag=a", "the body",
                "X-Custom-Header", "v1", "Content-Type", "text/plain", "Accept", "text/html, application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"method\":\"POST\"", "\"path\":\"/t/req/a/b/x/y\"", "\"id\":\"a/b\"",
                "\"rest\":\"x/y\"", "\"q\":\"hello world\"", "\"missing\":true", "\"custom\":\"v1\"",
                "\"lower\":true", "\"ctype\":\"text/plain\"", "\"length\":8", "\"has_body\":true",
                "\"body\":\"the body\"", "\"accepts\":true", "\"is_json\":true",
                "\"text\":\"http.Request{method=POST, path=/t/req/a/b/x/y}\"", "\"remote\":\"127.0.0.1:",
                "\"host\":\"127.0.0.1:" + app.port() + "\"");
        assertThat(r.body()).containsPattern("\"params\":\\{(\"q\":\"hello world,2\",\"tag\":\"a\"|\"tag\":\"a\",\"q\""
                + ":\"hello world,2\")}");
    }

    @Test
    void bodyJsonDecodesAndRefusesInvalidJsonAndTheBodyIsReadOnce() throws Exception {
        HttpResponse<String> ok = app.request("POST", "/t/json", "{\"name\":\"tea\"}");
        assertThat(ok.body()).isEqualTo("{\"name\":\"tea\",\"second\":\"Internal\"}");
        HttpResponse<String> bad = app.request("POST", "/t/json", "{nope");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).startsWith("Invalid: invalid JSON");
        HttpResponse<String> empty = app.request("POST", "/t/json", "");
        assertThat(empty.body()).startsWith("Invalid: invalid JSON");
    }

    @Test
    void chunkedTransferStreamsFlushedParts() throws Exception {
        HttpResponse<String> r = app.get("/t/chunks");
        assertThat(r.body()).isEqualTo("ab");
        assertThat(r.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(r.headers().firstValue("content-length")).isEmpty();
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache");
    }

    @Test
    void writeEventSendsServerSentEvents() throws Exception {
        HttpResponse<String> r = app.get("/t/events");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(r.body()).isEqualTo("""
                event: progress
                data: {"percent":0}

                event: progress
                data: {"percent":50}

                event: progress
                data: {"percent":100}

                event: done
                data: "cannot set status after headers are sent"

                """);
        assertThat(app.get("/t/sse-late").body()).isEqualTo("cannot switch to SSE mode after headers are sent");
    }

    @Test
    void requestAndResponseWorkOnlyInTheHandlerItself() throws Exception {
        assertThat(app.get("/t/nested").body()).isEqualTo("Internal: no HTTP request context found");
    }

    @Test
    void theRequestIdIsInTheContextAndTheResponse() throws Exception {
        HttpResponse<String> r = app.get("/t/id");
        assertThat(r.body()).isNotEmpty().isEqualTo(r.headers().firstValue("x-request-id").orElseThrow());
        HttpResponse<String> given = app.send(HttpRequest.newBuilder(app.uri("/t/id")).header("X-Request-Id",
                "abc-123"));
        assertThat(given.body()).isEqualTo("abc-123");
    }

    @Test
    void aStatusOutsideTheRangeRaises() throws Exception {
        assertThat(app.get("/t/bad-status").body()).startsWith("false ").contains("invalid status code 42");
    }
}
