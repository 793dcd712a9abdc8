package dev.wippy.http.server;

import dev.wippy.runtime.metrics.Collector;

import java.util.Map;

/**
 * The runtime's own count of every finished request, by server, route and status, whether or not a router lists
 * the {@code metrics} middleware: the route is the endpoint's function ID, {@code unmatched} otherwise (statics,
 * redirects, 404 and 405).
 */
final class ServerMetrics {
    static final String REQUESTS = "wippy_http_server_requests_total";

    private ServerMetrics() {
    }

    static void record(Collector c, Exchange x) {
        if (c == null) {
            return;
        }
        String route = x.functionId();
        c.counterAdd(REQUESTS, 1, Map.of("server", x.serverId(), "route", route == null ? "unmatched" : route,
                "status", Integer.toString(x.reply().effectiveStatus())));
    }
}
