package dev.wippy.http.middleware;

import dev.wippy.http.config.Options;
import dev.wippy.http.server.Middleware;
import dev.wippy.http.server.MiddlewareFactory;
import dev.wippy.runtime.metrics.CollectorSlot;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.nio.file.Path;
import java.util.Set;

/** Makes middleware by name (spec 07 §3.1); every router list gets instances of its own. */
public final class Middlewares implements MiddlewareFactory {
    /** Names of the specification that need the security module, which this runtime does not have yet. */
    private static final Set<String> NOT_YET = Set.of("token_auth", "endpoint_firewall", "resource_firewall");

    private final Node node;
    private final Registry registry;
    private final Path root;
    private final CollectorSlot metrics;

    /**
     * @param registry the app's entries and {@code root} its folder, for the filesystems {@code sendfile} serves;
     *                 {@code metrics} is where the {@code metrics} middleware records
     */
    public Middlewares(Node node, Registry registry, Path root, CollectorSlot metrics) {
        this.node = node;
        this.registry = registry;
        this.root = root;
        this.metrics = metrics;
    }

    @Override
    public Middleware create(String name, Options options, Entry owner) {
        return switch (name) {
            case "cors" -> new Cors(options);
            case "compress" -> new Compress(options);
            case "ratelimit" -> new RateLimit(options, node.timers());
            case "real_ip" -> new RealIp(options);
            case "sse_relay" -> new dev.wippy.http.relay.SseRelay(node, options);
            case "websocket_relay" -> new dev.wippy.http.relay.WebSocketRelay(options);
            case "sendfile" -> new dev.wippy.http.statics.SendFile(options, owner, registry, root);
            case "metrics" -> new RequestMetrics(metrics);
            // no tracing in this runtime yet: accepted, and it passes requests on
            case "otel" -> (x, next) -> next.handle(x);
            default -> throw new IllegalArgumentException(NOT_YET.contains(name)
                    ? "middleware " + name + " needs the security module, which this runtime does not have yet"
                    : "middleware not found: " + name);
        };
    }
}
