package dev.wippy.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Handlers and the outcome rules of spec 07 §2.2, over real requests. */
class HandlerTest {
    @TempDir
    Path dir;

    @Test
    void helloWorldWritesJsonWithStatusAndType() throws Exception {
        try (HttpApp app = HttpApp.standard(dir, "", "prefix: /").endpoint("hello", "GET", "/hello", "http", """
                local http = require("http")
                local function handler()
                    local res = http.response()
                    res:set_content_type(http.CONTENT.JSON)
                    res:set_status(http.STATUS.OK)
                    res:write_json({ message = "Hello, World!" })
                end
                return { handler = handler }
                """).start()) {
            HttpResponse<String> r = app.get("/hello");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"message\":\"Hello, World!\"}");
            assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(r.headers().firstValue("content-length")).hasValue("27");
            assertThat(r.headers().firstValue("date")).isPresent();
        }
    }
}
