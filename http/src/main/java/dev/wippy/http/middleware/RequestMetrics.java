package dev.wippy.http.middleware;

import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Handler;
import dev.wippy.http.server.Middleware;
import dev.wippy.runtime.metrics.Collector;
import dev.wippy.runtime.metrics.CollectorSlot;

import java.util.Map;

/**
 * The {@code metrics} middleware (spec 07 §3.8): requests, their duration and those in flight, labelled with the
 * method, the route (the endpoint's function ID as known when the middleware starts, {@code unmatched} as router
 * middleware) and the committed status.
 */
final class RequestMetrics implements Middleware {
    private final CollectorSlot metrics;

    RequestMetrics(CollectorSlot metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Exchange x, Handler next) throws Exception {
        Collector c = metrics.get();
        if (c == null) {
            next.handle(x);
            return;
        }
        String route = x.functionId() == null ? "unmatched" : x.functionId();
        Map<String, String> flying = Map.of("method", x.method(), "route", route);
        c.gaugeAdd("wippy_http_requests_in_flight", 1, flying);
        long began = System.nanoTime();
        try {
            next.handle(x);
        } finally {
            c.gaugeAdd("wippy_http_requests_in_flight", -1, flying);
            Map<String, String> labels = Map.of("method", x.method(), "route", route, "status",
                    Integer.toString(x.reply().effectiveStatus()));
            c.counterAdd("wippy_http_requests_total", 1, labels);
            c.histogram("wippy_http_request_duration_seconds", (System.nanoTime() - began) / 1e9, labels);
        }
    }
}
