package dev.wippy.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Multipart uploads, request streams (spec 07 §2.6, §2.7) and static mounts (§1.5). */
class UploadAndStaticTest {
    @TempDir
    static Path dir;
    static HttpApp app;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("public/docs"));
        Files.writeString(dir.resolve("public/index.html"), "<html>home</html>");
        Files.writeString(dir.resolve("public/app.css"), "body { color: red }");
        Files.writeString(dir.resolve("public/docs/a.txt"), "0123456789");
        Files.createDirectories(dir.resolve("spa"));
        Files.writeString(dir.resolve("spa/index.html"), "<html>spa</html>");
        Files.writeString(dir.resolve("spa/logo.txt"), "logo");
        app = HttpApp.standard(dir, "", "prefix: /api")
                .endpoint("upload", "POST", "/upload", "http, json", """
                        local http = require("http")
                        return { handler = function()
                            local form, err = http.request():parse_multipart()
                            if err then
                                http.response():set_status(400)
                                http.response():write(err:message())
                                return
                            end
                            local f = form.files.doc[1]
                            local s = f:stream()
                            local parts = {}
                            while true do
                                local chunk = s:read(4)
                                if not chunk then break end
                                parts[#parts + 1] = chunk
                            end
                            http.response():write_json({
                                title = form.values.title, tags = form.values.tag, name = f:name(), size = f:size(),
                                type = f:header("content-type"), content = table.concat(parts), text = tostring(f)
                            })
                        end }
                        """)
                .endpoint("lines", "POST", "/lines", "http", """
                        local http = require("http")
                        return { handler = function()
                            local sc = http.request():stream():scanner("lines")
                            local n, last = 0, ""
                            while sc:scan() do n = n + 1; last = sc:text() end
                            http.response():write(n .. ":" .. last)
                        end }
                        """)
                .raw("- name: public\n  kind: fs.directory\n  directory: public")
                .raw("- name: site\n  kind: http.static\n  meta: { server: gateway }\n  path: /site\n  fs: public\n"
                        + "  static_options: { cache: \"max-age=60\" }")
                .raw("- name: files\n  kind: http.router\n  meta: { server: gateway }\n  prefix: /files\n"
                        + "  middleware: [sendfile]\n  options: { sendfile.fs: public }")
                .raw("- name: nofs\n  kind: http.router\n  meta: { server: gateway }\n  prefix: /nofs\n"
                        + "  middleware: [sendfile]")
                .lua("send", "kind: function.lua\nmethod: handler\nmodules: [http]", """
                        local http = require("http")
                        return { handler = function()
                            local res = http.response()
                            res:set_header("X-Sendfile", http.request():query("path"))
                            if http.request():query("as") then res:set_header("X-File-Name", "report.txt") end
                        end }
                        """)
                .raw("- name: ep_send\n  kind: http.endpoint\n  meta: { router: files }\n  method: GET\n  path: /get\n"
                        + "  func: send")
                .raw("- name: ep_nofs\n  kind: http.endpoint\n  meta: { router: nofs }\n  method: GET\n  path: /get\n"
                        + "  func: send")
                .raw("- name: spa_fs\n  kind: fs.directory\n  directory: spa")
                .raw("- name: spa\n  kind: http.static\n  meta: { server: gateway }\n  path: /\n  fs: spa_fs\n"
                        + "  options: { spa: true, index: index.html }")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void multipartFormsGiveValuesAndFileStreams() throws Exception {
        String body = """
                --XyZ\r
                Content-Disposition: form-data; name="title"\r
                \r
                Report\r
                --XyZ\r
                Content-Disposition: form-data; name="tag"\r
                \r
                a\r
                --XyZ\r
                Content-Disposition: form-data; name="tag"\r
                \r
                b\r
                --XyZ\r
                Content-Disposition: form-data; name="doc"; filename="notes.txt"\r
                Content-Type: text/plain\r
                \r
                hello multipart world\r
                --XyZ--\r
                """;
        HttpResponse<String> r = app.request("POST", "/api/upload", body, "Content-Type",
                "multipart/form-data; boundary=XyZ");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"title\":\"Report\"", "\"tags\":[\"a\",\"b\"]", "\"name\":\"notes.txt\"",
                "\"size\":21", "\"type\":\"text/plain\"", "\"content\":\"hello multipart world\"",
                "\"text\":\"http.MultipartFile{name=notes.txt, size=21}\"");
        HttpResponse<String> wrong = app.request("POST", "/api/upload", "x", "Content-Type", "text/plain");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).isEqualTo("content type is not multipart/form-data");
        HttpResponse<String> broken = app.request("POST", "/api/upload", "--XyZ\r\ngarbage", "Content-Type",
                "multipart/form-data; boundary=XyZ");
        assertThat(broken.body()).startsWith("failed to parse multipart form");
    }

    @Test
    void requestBodiesStreamThroughAScanner() throws Exception {
        HttpResponse<String> r = app.send(HttpRequest.newBuilder(app.uri("/api/lines")).POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "one\ntwo\r\nthree".getBytes(StandardCharsets.UTF_8)))));
        assertThat(r.body()).isEqualTo("3:three");
    }

    @Test
    void staticMountsServeFilesIndexesAndRanges() throws Exception {
        HttpResponse<String> css = app.get("/site/app.css");
        assertThat(css.body()).isEqualTo("body { color: red }");
        assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertThat(css.headers().firstValue("cache-control")).hasValue("max-age=60");
        String modified = css.headers().firstValue("last-modified").orElseThrow();
        assertThat(app.send(HttpRequest.newBuilder(app.uri("/site/app.css")).header("If-Modified-Since", modified))
                .statusCode()).isEqualTo(304);
        HttpResponse<String> range = app.send(HttpRequest.newBuilder(app.uri("/site/docs/a.txt"))
                .header("Range", "bytes=2-5"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("2345");
        assertThat(app.get("/site/").body()).isEqualTo("<html>home</html>");
        assertThat(app.get("/site/docs").headers().firstValue("location")).hasValue("docs/");
        assertThat(app.get("/site/docs/").body()).contains("<a href=\"a.txt\">a.txt</a>");
        assertThat(app.get("/site/missing.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void sendfileServesTheFileTheHandlerNames() throws Exception {
        HttpResponse<String> r = app.get("/files/get?path=/docs/a.txt&as=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("0123456789");
        assertThat(r.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"report.txt\"");
        assertThat(r.headers().firstValue("x-sendfile")).isEmpty();
        assertThat(app.send(HttpRequest.newBuilder(app.uri("/files/get?path=docs/a.txt")).header("Range", "bytes=8-"))
                .body()).isEqualTo("89");
        HttpResponse<String> missing = app.get("/files/get?path=nope.txt");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("sendfile middleware: file not found: nope.txt\n");
        assertThat(app.get("/files/get?path=..").statusCode()).isEqualTo(400);
        assertThat(app.get("/files/get?path=../../etc/passwd").statusCode()).isEqualTo(404);
        assertThat(app.get("/nofs/get?path=a").body()).isEqualTo("sendfile middleware: fs option not configured\n");
    }

    @Test
    void spaMountsFallBackToTheIndexAndEndpointsWin() throws Exception {
        assertThat(app.get("/logo.txt").body()).isEqualTo("logo");
        HttpResponse<String> deep = app.get("/some/client/route");
        assertThat(deep.statusCode()).isEqualTo(200);
        assertThat(deep.body()).isEqualTo("<html>spa</html>");
        assertThat(deep.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(app.request("POST", "/api/lines", "x").body()).isEqualTo("1:x");
    }
}
