package dev.wippy.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes follow the registry (spec 07 §1.1): a commit that adds or deletes endpoints swaps the server's table at
 * once; one whose routes conflict is refused and the old table keeps serving.
 */
class RegistryRoutesTest {
    @TempDir
    Path dir;

    private static final String HELLO = """
            local http = require("http")
            return { handler = function() http.response():write("hello from " .. http.request():path()) end }""";

    /** POST /admin/{op}: {@code add} creates an endpoint GET /b, {@code clash} another GET /a, {@code drop} deletes /b. */
    private static final String ADMIN = """
            local http = require("http")
            local registry = require("registry")
            local function endpoint(name, path)
              return { id = "app:" .. name, kind = "http.endpoint", meta = { router = "app:api" },
                       data = { method = "GET", path = path, func = "app:hello" } }
            end
            return { handler = function()
              local op = http.request():param("op")
              local changes = registry.snapshot():changes()
              if op == "add" then changes:create(endpoint("ep_b", "/b"))
              elseif op == "clash" then changes:create(endpoint("ep_clash", "/a"))
              else changes:delete("app:ep_b") end
              local _, err = changes:apply()
              http.response():write(err and ("refused: " .. err:message()) or "applied")
            end }""";

    @Test
    void endpointsAddedAndDeletedThroughTheRegistryAreServedAtOnce() throws Exception {
        try (HttpApp app = HttpApp.standard(dir, "", "prefix: /")
                .endpoint("hello", "GET", "/a", "http", HELLO)
                .endpoint("admin", "POST", "/admin/{op}", "http, registry", ADMIN).start()) {
            assertThat(app.get("/b").statusCode()).isEqualTo(404);
            assertThat(app.request("POST", "/admin/add", null).body()).isEqualTo("applied");
            assertThat(app.get("/b").body()).isEqualTo("hello from /b");
            assertThat(app.request("POST", "/admin/clash", null).body()).startsWith("refused: ")
                    .contains("conflict");
            assertThat(app.get("/a").body()).isEqualTo("hello from /a");
            assertThat(app.get("/b").body()).isEqualTo("hello from /b");
            assertThat(app.request("POST", "/admin/drop", null).body()).isEqualTo("applied");
            assertThat(app.get("/b").statusCode()).isEqualTo(404);
            assertThat(app.get("/a").body()).isEqualTo("hello from /a");
        }
    }
}
