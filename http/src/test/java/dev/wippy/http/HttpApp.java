package dev.wippy.http;

import dev.wippy.http.server.HttpServers;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.terminal.Terminal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A test app with an {@code http.service} ({@code app:gateway}, loopback, ephemeral port) and a router
 * ({@code app:api}); endpoints are added with their Lua handler. Requests are real HTTP on loopback.
 */
final class HttpApp implements AutoCloseable {
    private final Path dir;
    private final StringBuilder yaml = new StringBuilder("namespace: app\nentries:\n");
    private Application app;
    private boolean hasProcessHost;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    HttpApp(Path dir) {
        this.dir = dir;
    }

    /** The usual server and router; {@code serviceExtra} and {@code routerExtra} are added YAML lines. */
    static HttpApp standard(Path dir, String serviceExtra, String routerExtra) {
        return new HttpApp(dir)
                .raw("- name: gateway\n  kind: http.service\n  addr: 127.0.0.1:0\n  lifecycle: { auto_start: true }\n"
                        + indent(serviceExtra))
                .raw("- name: api\n  kind: http.router\n  meta: { server: gateway }\n" + indent(routerExtra));
    }

    private static String indent(String lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines.strip().split("\n")) {
            if (!l.isBlank()) {
                b.append("  ").append(l).append("\n");
            }
        }
        return b.toString();
    }

    /** A raw entry: {@code text} is the YAML of one list item, starting with {@code - }. */
    HttpApp raw(String text) {
        for (String l : text.strip().split("\n")) {
            yaml.append("  ").append(l).append("\n");
        }
        return this;
    }

    /** An endpoint {@code METHOD path} whose handler is {@code lua} (a chunk returning {@code {handler = f}}). */
    HttpApp endpoint(String name, String method, String path, String modules, String lua) throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/" + name + ".lua"), lua);
        raw("- name: " + name + "\n  kind: function.lua\n  source: file://" + name + ".lua\n  method: handler\n"
                + "  modules: [" + modules + "]");
        return raw("- name: ep_" + name + "\n  kind: http.endpoint\n  meta: { router: app:api }\n  method: " + method
                + "\n  path: \"" + path + "\"\n  func: " + name);
    }

    HttpApp lua(String name, String yamlBody, String lua) throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/" + name + ".lua"), lua);
        return raw("- name: " + name + "\n  source: file://" + name + ".lua\n" + indent(yamlBody).stripTrailing());
    }

    /**
     * A service process registered as {@code name}: {@code lua} defines {@code handle(msg)}, called for every message
     * until the runtime cancels the process. The first actor brings the process host {@code app:processes}.
     */
    HttpApp actor(String name, String lua) throws IOException {
        if (!hasProcessHost) {
            hasProcessHost = true;
            raw("- name: processes\n  kind: process.host\n  lifecycle: { auto_start: true }");
        }
        lua(name, "kind: process.lua\nmethod: main\nmodules: [process, channel]", lua + """
                return { main = function()
                    process.registry.register("%s")
                    local inbox = process.inbox()
                    local events = process.events()
                    while true do
                        local r = channel.select({ inbox:case_receive(), events:case_receive() })
                        if r.channel == events then
                            if r.value.kind == process.event.CANCEL then return 0 end
                        else
                            handle(r.value)
                        end
                    end
                end }
                """.formatted(name));
        return raw("- name: " + name + "-service\n  kind: process.service\n  process: app:" + name
                + "\n  host: app:processes\n  lifecycle: { auto_start: true }");
    }

    HttpApp start() throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
        Files.writeString(dir.resolve("src/_index.yaml"), yaml);
        Terminal t = new Terminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream(), List.of());
        app = Application.boot(dir, t);
        return this;
    }

    Application application() {
        return app;
    }

    int port() {
        return app.subsystem(HttpServers.class).port("app:gateway");
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendBytes(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    HttpResponse<String> request(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    List<String> stop(Duration timeout) {
        List<String> cut = app.shutdown(timeout);
        app = null;
        return cut;
    }

    @Override
    public void close() {
        if (app != null) {
            app.shutdown(Duration.ofSeconds(5));
        }
    }
}
