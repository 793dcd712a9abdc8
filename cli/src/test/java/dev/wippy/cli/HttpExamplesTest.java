package dev.wippy.cli;

import io.temporal.testserver.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP apps under examples/ served by {@code wippy run} as their READMEs show, with real requests on loopback:
 * each runs from a copy whose {@code :8080} is a free loopback port, and stops through the Ctrl+C path.
 */
class HttpExamplesTest {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Ctrl+C under the test's control. */
    private static final class Interrupt extends Signals {
        private final CompletableFuture<Runnable> graceful = new CompletableFuture<>();

        @Override
        void onInterrupt(Runnable graceful, Runnable forced) {
            this.graceful.complete(graceful);
        }
    }

    /** A served example: its port, the run's exit status once stopped, and its log. */
    private final class Served implements AutoCloseable {
        final int port;
        final Interrupt interrupt = new Interrupt();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CompletableFuture<Integer> status;

        Served(String example) throws Exception {
            this(example, UnaryOperator.identity());
        }

        /** The example with {@code edit} applied to its definition files (after its port is replaced). */
        Served(String example, UnaryOperator<String> edit) throws Exception {
            Path copy = dir.resolve(example);
            port = freePort();
            Path source = Path.of("..", "examples", example);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.toList()) {
                    Path target = copy.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else if (!f.toString().endsWith(".yaml")) {
                        Files.copy(f, target);
                    } else {
                        Files.writeString(target, edit.apply(Files.readString(f).replace("addr: \":8080\"",
                                "addr: \"127.0.0.1:" + port + "\"")));
                    }
                }
            }
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            status = CompletableFuture.supplyAsync(() -> Main.execute(new ByteArrayInputStream(new byte[0]),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), errStream, interrupt,
                    "run", "--dir", copy.toString()));
            interrupt.graceful.get(60, TimeUnit.SECONDS);
            awaitListening(port);
        }

        HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        String get(String path) throws Exception {
            return send("GET", path, null).body();
        }

        String post(String path, String body) throws Exception {
            return send("POST", path, body).body();
        }

        /** Ctrl+C: the run ends by itself, with status 0. */
        int stop() throws Exception {
            interrupt.graceful.get().run();
            return status.get(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (!status.isDone()) {
                stop();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nothing listens on port " + port);
    }

    @Test
    void helloWorldAnswersJsonAndStopsOnCtrlC() throws Exception {
        try (Served app = new Served("http-hello")) {
            HttpResponse<String> hello = app.send("GET", "/hello", null);
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(hello.body()).isEqualTo("{\"message\":\"Hello, World!\"}");
            assertThat(app.get("/hello?name=Wippy")).isEqualTo("{\"message\":\"Hello, Wippy!\"}");
            assertThat(app.get("/greet/JVM")).isEqualTo("{\"greeting\":\"Hello, JVM!\",\"length\":3}");
            HttpResponse<String> wrong = app.send("DELETE", "/hello", null);
            assertThat(wrong.statusCode()).isEqualTo(405);
            assertThat(wrong.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
            assertThat(app.stop()).isZero();
            assertThat(app.err.toString(StandardCharsets.UTF_8)).contains("http.access", "path=\"/hello\"",
                    "status=\"200\"");
        }
    }

    @Test
    void shopKeepsProductsAndCartsInItsStoreActor() throws Exception {
        try (Served app = new Served("http-shop")) {
            String s = "/api";
            HttpResponse<String> created = app.send("POST", s + "/products", "{\"name\":\"tea\",\"price\":4.5}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).isEqualTo("{\"id\":1,\"name\":\"tea\",\"price\":4.5}");
            assertThat(app.post(s + "/products", "{\"name\":\"mug\",\"price\":12}"))
                    .isEqualTo("{\"id\":2,\"name\":\"mug\",\"price\":12}");
            assertThat(app.get(s + "/products")).isEqualTo(
                    "[{\"id\":1,\"name\":\"tea\",\"price\":4.5},{\"id\":2,\"name\":\"mug\",\"price\":12}]");
            assertThat(app.send("PUT", s + "/products/2", "{\"name\":\"big mug\",\"price\":15}").body())
                    .isEqualTo("{\"id\":2,\"name\":\"big mug\",\"price\":15}");
            app.post(s + "/carts/ann/items", "{\"product_id\":1,\"qty\":2}");
            assertThat(app.post(s + "/carts/ann/items", "{\"product_id\":2,\"qty\":1}")).endsWith("\"total\":24}");
            HttpResponse<String> order = app.send("POST", s + "/carts/ann/checkout", null);
            assertThat(order.statusCode()).isEqualTo(201);
            assertThat(order.body()).startsWith("{\"order_id\":1,\"user_id\":\"ann\"").endsWith("\"total\":24}");
            HttpResponse<String> again = app.send("POST", s + "/carts/ann/checkout", null);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(app.send("DELETE", s + "/products/1", null).body()).isEqualTo("{\"deleted\":1}");
            HttpResponse<String> gone = app.send("GET", s + "/products/1", null);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(app.send("POST", s + "/products", "{nope").statusCode()).isEqualTo(400);
            assertThat(app.send("GET", s + "/products/abc", null).statusCode()).isEqualTo(400);
            assertThat(app.post(s + "/carts/bob/items", "{\"product_id\":7,\"qty\":1}"))
                    .isEqualTo("{\"error\":\"no product 7\"}");
            assertThat(app.stop()).isZero();
        }
    }

    @Test
    void tasksRunInBackgroundProcessesAndReportProgress() throws Exception {
        try (Served app = new Served("http-tasks")) {
            HttpResponse<String> started = app.send("POST", "/api/tasks",
                    "{\"name\":\"report\",\"steps\":4,\"step_time\":\"50ms\"}");
            assertThat(started.statusCode()).isEqualTo(202);
            assertThat(started.body()).isEqualTo(
                    "{\"id\":\"1\",\"status_url\":\"/api/tasks/1\",\"events_url\":\"/api/tasks/1/events\"}");
            HttpResponse<String> events = app.send("GET", "/api/tasks/1/events", null);
            assertThat(events.headers().firstValue("content-type")).hasValue("text/event-stream");
            assertThat(events.body()).contains("event: progress\ndata: {\"percent\":25}\n\n")
                    .endsWith("event: progress\ndata: {\"percent\":100}\n\nevent: done\ndata: {\"id\":\"1\"}\n\n");
            assertThat(app.get("/api/tasks/1")).isEqualTo(
                    "{\"id\":\"1\",\"name\":\"report\",\"status\":\"finished\",\"percent\":100}");
            assertThat(app.send("GET", "/api/tasks/9", null).statusCode()).isEqualTo(404);
            assertThat(app.send("POST", "/api/tasks", "{\"steps\":0}").statusCode()).isEqualTo(400);
            assertThat(app.stop()).isZero();
        }
    }

    @Test
    void uploadSummarisesEveryFileOfAMultipartForm() throws Exception {
        try (Served app = new Served("http-upload")) {
            assertThat(app.get("/")).contains("<form method=\"post\" action=\"/upload\"");
            String body = """
                    --b1\r
                    Content-Disposition: form-data; name="title"\r
                    \r
                    Report\r
                    --b1\r
                    Content-Disposition: form-data; name="files"; filename="notes.txt"\r
                    Content-Type: text/plain\r
                    \r
                    line one
                    line two
                    line three
                    \r
                    --b1\r
                    Content-Disposition: form-data; name="files"; filename="data.csv"\r
                    Content-Type: text/csv\r
                    \r
                    a,b
                    1,2
                    \r
                    --b1--\r
                    """;
            HttpResponse<String> r = app.send("POST", "/upload", body, "Content-Type",
                    "multipart/form-data; boundary=b1");
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.body()).isEqualTo("{\"title\":\"Report\",\"files\":[{\"name\":\"notes.txt\",\"size\":29,"
                    + "\"type\":\"text/plain\",\"lines\":3,\"first_line\":\"line one\"},{\"name\":\"data.csv\","
                    + "\"size\":8,\"type\":\"text/csv\",\"lines\":2,\"first_line\":\"a,b\"}]}");
            assertThat(app.send("POST", "/upload", "x", "Content-Type", "text/plain").body())
                    .isEqualTo("{\"error\":\"content type is not multipart/form-data\"}");
            assertThat(app.stop()).isZero();
        }
    }

    @Test
    void theTaskQueueTakesTasksOverHttpAndListsThemByStatus() throws Exception {
        try (Served app = new Served("task-queue")) {
            HttpResponse<String> accepted = app.send("POST", "/tasks",
                    "{\"id\":\"t-1\",\"kind\":\"reverse\",\"input\":{\"text\":\"http\"}}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.body()).isEqualTo("{\"id\":\"t-1\"}");
            assertThat(app.send("POST", "/tasks", "{\"input\":{}}").statusCode()).isEqualTo(400);
            assertThat(app.send("POST", "/tasks", "not json").statusCode()).isEqualTo(400);
            String completed = "";
            for (int i = 0; i < 200 && !completed.contains("t-1"); i++) {
                completed = app.get("/tasks?status=completed");
                Thread.sleep(25);
            }
            assertThat(completed).contains("\"id\":\"t-1\"", "\"text\":\"ptth\"");
            assertThat(app.get("/tasks?status=pending")).isEqualTo("[]");
            assertThat(app.stop()).isZero();
        }
    }


    @Test
    void endpointsStartSignalAndReadApprovalWorkflows() throws Exception {
        try (Served app = new Served("http-approval")) {
            approvalsOverHttp(app, "{app:worker@app:worker|approval-e-1}");
        }
    }

    /** The same app with its worker on Temporal's in-memory server: only the workflow's PID names the client. */
    @Test
    void endpointsStartSignalAndReadApprovalWorkflowsOnTemporal() throws Exception {
        int temporalPort = freePort();
        try (var server = TestServer.createPortBoundServer(temporalPort);
             Served app = new Served("http-approval",
                     yaml -> TemporalExamplesTest.swapWorkers(yaml, "http-approval", temporalPort))) {
            approvalsOverHttp(app, "{app:temporal_dev@app:worker|approval-e-1}");
        }
    }

    private static void approvalsOverHttp(Served app, String pid) throws Exception {
        HttpResponse<String> started = app.send("POST", "/approvals", "{\"id\":\"e-1\",\"amount\":120}");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.body()).isEqualTo("{\"id\":\"e-1\",\"workflow\":\"" + pid + "\"}");
        assertThat(app.send("POST", "/approvals", "{\"id\":\"e-1\",\"amount\":5}").statusCode()).isEqualTo(409);
        assertThat(app.get("/approvals/e-1")).isEqualTo("{\"id\":\"e-1\",\"status\":\"waiting\",\"amount\":120}");
        HttpResponse<String> decided = app.send("POST", "/approvals/e-1/decision",
                "{\"approved\":true,\"by\":\"alice\"}");
        assertThat(decided.statusCode()).isEqualTo(202);
        String shown = "";
        for (int i = 0; i < 200 && !shown.contains("approved"); i++) {
            shown = app.get("/approvals/e-1");
            Thread.sleep(25);
        }
        assertThat(shown).isEqualTo("{\"id\":\"e-1\",\"status\":\"approved\",\"by\":\"alice\"}");
        assertThat(app.send("POST", "/approvals/e-9/decision", "{\"approved\":true}").statusCode()).isEqualTo(404);
        app.post("/approvals", "{\"id\":\"e-2\",\"amount\":1,\"deadline\":\"300ms\"}");
        String expired = "";
        for (int i = 0; i < 200 && !expired.contains("expired"); i++) {
            expired = app.get("/approvals/e-2");
            Thread.sleep(25);
        }
        assertThat(expired).isEqualTo("{\"id\":\"e-2\",\"status\":\"expired\"}");
        assertThat(app.stop()).isZero();
    }

}
