package dev.wippy.observability.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wippy.observability.prometheus.Addresses;
import dev.wippy.observability.watch.Watched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live web console of {@code wippy run --console}: pages for processes, services, queues, workflows, functions
 * and the registry, JSON snapshots under {@code /api}, live updates as Server-Sent Events under {@code /events}, and
 * token-guarded actions. It runs on the JDK's HTTP server with a virtual thread per exchange: it is a tool beside the
 * app, so it must work without the app's HTTP module (a benchmark of bare processes has none) and must not share
 * the app's servers, limits or middleware.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.console");
    public static final String DEFAULT_ADDRESS = "127.0.0.1:8090";
    static final String TOKEN_HEADER = "X-Console-Token";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Snapshots snapshots;
    private final Streams streams;
    private final Actions actions;
    private final StaticFiles files = new StaticFiles();
    private final ObjectMapper json = new ObjectMapper();

    private Console(HttpServer server, ExecutorService executor, Watched watched) {
        this.server = server;
        this.executor = executor;
        this.snapshots = new Snapshots(watched);
        this.streams = new Streams(key -> snapshots.of(key.page(), key.id(), key.query()), json);
        this.actions = new Actions(watched);
    }

    /**
     * Listens on {@code address} ({@code host:port}; a port alone means the loopback interface).
     *
     * @throws IllegalArgumentException when the address is malformed or cannot be listened on
     */
    public static Console start(String address, Watched watched) {
        InetSocketAddress bind = address.matches("\\d+") ? new InetSocketAddress("127.0.0.1",
                Integer.parseInt(address)) : Addresses.parse(address);
        HttpServer server;
        try {
            server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen: " + e.getMessage());
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        Console c = new Console(server, executor, watched);
        server.createContext("/", c::handle);
        server.start();
        LOG.atInfo().setMessage("console listening").addKeyValue("url", c.url()).log();
        return c;
    }

    /** The console's address as a URL, e.g. {@code http://127.0.0.1:8090/}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    /** The token that actions need, made for this run. */
    public String token() {
        return actions.token();
    }

    /** Browsers with a live page open now. */
    public int liveStreams() {
        return streams.count();
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            route(x);
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("console request failed").addKeyValue("path", x.getRequestURI().getPath())
                    .addKeyValue("error", e.toString()).log();
            send(x, 500, "text/plain; charset=utf-8", "internal error\n");
        }
    }

    private void route(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String[] parts = path.substring(1).split("/", -1);
        String method = x.getRequestMethod();
        if (path.equals("/")) {
            x.getResponseHeaders().set("Location", "/processes" + query(x));
            send(x, 302, "text/plain; charset=utf-8", "");
            return;
        }
        if (parts[0].equals("static") && parts.length == 2 && method.equals("GET")) {
            StaticFiles.File f = files.get(parts[1]);
            if (f == null) {
                notFound(x, "no such file");
            } else {
                x.getResponseHeaders().set("Cache-Control", "max-age=3600");
                send(x, 200, f.type(), f.bytes());
            }
            return;
        }
        if (parts[0].equals("api") && parts.length >= 3 && method.equals("POST")) {
            act(x, parts);
            return;
        }
        boolean api = parts[0].equals("api") || parts[0].equals("events");
        int first = api ? 1 : 0;
        if (parts.length <= first || parts.length > first + 2 || !method.equals("GET")) {
            notFound(x, "no such page");
            return;
        }
        String id = parts.length == first + 2 ? decode(parts[first + 1]) : null;
        Page page = Page.ofPath(parts[first], id != null);
        if (page == null || id != null && id.isEmpty()) {
            notFound(x, "no such page");
            return;
        }
        Map<String, String> params = params(x);
        String search = page == Page.WORKFLOWS ? params.get("status") : params.get("q");
        if (page.aboutOne() && !snapshots.exists(page, id)) {
            notFound(x, (page == Page.PROCESS ? "no live process " : "no workflow ") + id);
            return;
        }
        switch (parts[0]) {
            case "api" -> sendJson(x, 200, snapshots.of(page, id, search));
            case "events" -> stream(x, new EventStream.Key(page, id, search));
            default -> send(x, 200, "text/html; charset=utf-8", PageShell.render(page, id));
        }
    }

    private void stream(HttpExchange x, EventStream.Key key) {
        EventStream s = new EventStream(key, x);
        streams.add(s);
        s.run(() -> streams.remove(s));
    }

    private void act(HttpExchange x, String[] parts) throws IOException {
        String remote = String.valueOf(x.getRemoteAddress());
        String target = parts.length > 2 ? decode(parts[2]) : "";
        String action = parts.length > 3 ? parts[3] : "";
        String what = action + " " + parts[1];
        Actions.Outcome o;
        if (!actions.authorized(x.getRequestHeaders().getFirst(TOKEN_HEADER))) {
            o = actions.refuse(what, target, remote);
        } else if (parts.length == 4 && parts[1].equals("processes") && action.equals("terminate")) {
            o = actions.terminateProcess(target, remote);
        } else if (parts.length == 4 && parts[1].equals("workflows")) {
            Map<?, ?> body = body(x);
            o = actions.workflow(target, action, body.get("topic") instanceof String t ? t : null, body.get("payload"),
                    remote);
        } else {
            o = new Actions.Outcome(404, "no such action");
        }
        sendJson(x, o.status(), Actions.json(o));
    }

    private Map<?, ?> body(HttpExchange x) throws IOException {
        byte[] bytes = x.getRequestBody().readNBytes(64 * 1024);
        if (bytes.length == 0) {
            return Map.of();
        }
        try {
            return json.readValue(bytes, Map.class);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private void notFound(HttpExchange x, String message) throws IOException {
        String path = x.getRequestURI().getPath();
        if (path.startsWith("/api/") || path.startsWith("/events/")) {
            sendJson(x, 404, Map.of("status", 404, "message", message));
        } else {
            send(x, 404, "text/html; charset=utf-8", PageShell.notFound(message));
        }
    }

    private void sendJson(HttpExchange x, int status, Object value) throws IOException {
        send(x, status, "application/json", json.writeValueAsBytes(value));
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        send(x, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
        x.close();
    }

    private static String query(HttpExchange x) {
        String q = x.getRequestURI().getRawQuery();
        return q == null ? "" : "?" + q;
    }

    private static Map<String, String> params(HttpExchange x) {
        Map<String, String> out = new HashMap<>();
        String q = x.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        streams.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
