package dev.wippy.observability.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The dedicated listener of spec 08 §6.3: {@code GET /metrics} in the Prometheus text format 0.0.4 and
 * {@code GET /livez}. It runs on the JDK's HTTP server: two fixed routes need no routing or middleware, and the
 * endpoint then works whether or not the app uses the HTTP module. A bind failure is logged, not fatal.
 */
public final class PrometheusEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.metrics");
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private PrometheusEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code address} ({@code host:port}); {@code beforeScrape} runs before each scrape (meters of things
     * that appeared since). Null when the address is bad or taken (logged).
     */
    public static PrometheusEndpoint start(String address, PrometheusMeterRegistry registry, Runnable beforeScrape) {
        InetSocketAddress bind;
        try {
            bind = Addresses.parse(address);
        } catch (IllegalArgumentException e) {
            LOG.error("prometheus.address '{}': {}; the endpoint is off", address, e.getMessage());
            return null;
        }
        HttpServer server;
        try {
            server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            LOG.error("prometheus endpoint cannot listen on {}: {}; the endpoint is off", address, e.getMessage());
            return null;
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/metrics", x -> {
            if (!get(x)) {
                return;
            }
            beforeScrape.run();
            send(x, 200, TEXT_FORMAT, registry.scrape());
        });
        server.createContext("/livez", x -> {
            if (get(x)) {
                send(x, 200, "text/plain; charset=utf-8", "(no liveness checks registered)\n");
            }
        });
        server.createContext("/", x -> send(x, 404, "text/plain; charset=utf-8", "not found\n"));
        server.start();
        LOG.atInfo().setMessage("prometheus endpoint listening").addKeyValue("address",
                server.getAddress().getHostString() + ":" + server.getAddress().getPort()).log();
        return new PrometheusEndpoint(server);
    }

    /** The port it listens on (the one chosen when the address asked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean get(HttpExchange x) throws IOException {
        if (x.getRequestMethod().equals("GET") || x.getRequestMethod().equals("HEAD")) {
            return true;
        }
        x.getResponseHeaders().set("Allow", "GET, HEAD");
        send(x, 405, "text/plain; charset=utf-8", "method not allowed\n");
        return false;
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
