package dev.wippy.http.middleware;

import dev.wippy.http.config.Options;
import dev.wippy.http.server.Middleware;
import dev.wippy.http.server.MiddlewareFactory;
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

    /** @param registry the app's entries and {@code root} its folder, for the filesystems {@code sendfile} serves */
    public Middlewares(Node node, Registry registry, Path root) {
        this.node = node;
        this.registry = registry;
        this.root = root;
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
            // no metrics collector nor telemetry in this runtime yet: accepted, and they pass requests on
            case "metrics", "otel" -> (x, next) -> next.handle(x);
            default -> throw new IllegalArgumentException(NOT_YET.contains(name)
                    ? "middleware " + name + " needs the security module, which this runtime does not have yet"
                    : "middleware not found: " + name);
        };
    }
}
