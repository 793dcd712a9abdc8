package dev.wippy.http.server;

import dev.wippy.http.routing.CleanPath;
import dev.wippy.http.routing.Lookup;
import dev.wippy.http.routing.RouteTable;
import dev.wippy.runtime.metrics.CollectorSlot;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entry point of every request of one server (spec 07 §1.6.2): cleans the path, answers 301, 404 and 405 before
 * any middleware, runs the matched route, finishes the response, logs it. While the server stops, requests are
 * refused with 503.
 */
final class Dispatcher implements io.helidon.webserver.http.Handler {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.http");
    /** Largest request header block (spec 07 §1.2: 1 MiB, else 431). */
    private static final long MAX_HEADERS = 1 << 20;
    private static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    /** Request IDs: unique per run (a random prefix) and cheap to make (a counter). */
    private static final String ID_PREFIX = UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final AtomicLong NEXT_ID = new AtomicLong();
    /** The answer of a WebSocket handshake no relay took, for the plain handling of the same request. */
    private static final ThreadLocal<Outgoing.Captured> REFUSED_HANDSHAKE = new ThreadLocal<>();

    private final String serverId;
    private final InFlight inFlight;
    private final ScheduledExecutorService timers;
    private final Duration writeTimeout;
    /** Replaced as a whole when a registry commit changes the routes: running requests keep the old one. */
    private volatile RouteTable<Handler> table;
    private final CollectorSlot metrics;
    private volatile boolean draining;

    Dispatcher(String serverId, RouteTable<Handler> table, InFlight inFlight, ScheduledExecutorService timers,
               Duration writeTimeout, CollectorSlot metrics) {
        this.metrics = metrics;
        this.serverId = serverId;
        this.table = table;
        this.inFlight = inFlight;
        this.timers = timers;
        this.writeTimeout = writeTimeout;
    }

    void routes(RouteTable<Handler> next) {
        table = next;
    }

    void drain() {
        draining = true;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Outgoing.Captured refused = REFUSED_HANDSHAKE.get();
        if (refused != null) {
            // the handshake of this very request already ran the route and was not relayed: its answer stands
            REFUSED_HANDSHAKE.remove();
            refused.replay(res);
            return;
        }
        if (headerBytes(req.headers(), req.path().rawPath()) > MAX_HEADERS) {
            Reply reply = new Reply(Outgoing.of(res), false);
            reply.setHeader("Connection", "close");
            reply.plainError(431, "Request Header Fields Too Large");
            reply.finish();
            return;
        }
        serve(exchange(Incoming.of(req), Outgoing.of(res)));
    }

    /**
     * Runs the route of a WebSocket handshake (its handler decides whether a relay takes the connection). When no
     * relay accepts it, the answer is kept for the plain HTTP handling of the same request, which follows on this
     * thread.
     *
     * @return the exchange when a relay accepted the upgrade, else null
     */
    Exchange handshake(HttpPrologue prologue, Headers headers, String remoteAddr, boolean secure) {
        Outgoing.Captured answer = new Outgoing.Captured();
        Exchange x = exchange(Incoming.handshake(prologue, headers, remoteAddr, secure), answer);
        x.markUpgradable();
        serve(x);
        if (x.upgrade() != null) {
            return x;
        }
        REFUSED_HANDSHAKE.set(answer);
        return null;
    }

    private Exchange exchange(Incoming in, Outgoing out) {
        Reply reply = new Reply(out, in.method().equals("HEAD"));
        String id = requestId(in.headers());
        reply.setHeader("X-Request-Id", id);
        return new Exchange(in, reply, serverId, id);
    }

    private void serve(Exchange x) {
        Reply reply = x.reply();
        if (draining) {
            reply.setHeader("Connection", "close");
            reply.plainError(503, "server is stopping");
            reply.finish();
            return;
        }
        inFlight.enter(x);
        ScheduledFuture<?> deadline = writeTimeout == null ? null : timers.schedule(() -> x.abort(
                "request timed out after " + writeTimeout.toMillis() + "ms"), writeTimeout.toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            try {
                route(x);
            } catch (Exception e) {
                LOG.atError().setMessage("request failed").addKeyValue("path", x.rawPath()).addKeyValue("cause",
                        String.valueOf(e)).log();
                reply.plainError(500, "internal error");
            }
            reply.finish();
        } catch (RuntimeException e) {
            // the last writes of a request whose client went away fail: not news
            LOG.atDebug().setMessage("response not delivered").addKeyValue("path", x.rawPath())
                    .addKeyValue("cause", String.valueOf(e)).log();
            x.abort("client gone");
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
            x.ended();
            inFlight.exit(x);
            AccessLog.record(x);
            ServerMetrics.record(metrics.get(), x);
        }
    }

    private void route(Exchange x) throws Exception {
        String rawPath = x.rawPath();
        String clean = CleanPath.of(rawPath);
        if (!clean.equals(rawPath)) {
            redirect(x, clean);
            return;
        }
        switch (table.lookup(x.method(), rawPath)) {
            case Lookup.Found<Handler> f -> {
                x.matched(f.params());
                f.route().target().handle(x);
            }
            case Lookup.Redirect<Handler> r -> redirect(x, r.location());
            case Lookup.MethodNotAllowed<Handler> m -> {
                x.reply().setHeader("Allow", m.allow());
                x.reply().plainError(405, "Method Not Allowed");
            }
            case Lookup.NotFound<Handler> n -> x.reply().plainError(404, "404 page not found");
        }
    }

    private static void redirect(Exchange x, String path) throws IOException {
        String query = x.rawQuery();
        String location = query == null || query.isEmpty() ? path : path + "?" + query;
        Reply r = x.reply();
        r.setHeader("Location", location);
        r.setStatus(301);
        if (x.method().equals("GET") || x.method().equals("HEAD")) {
            r.setHeader("Content-Type", "text/html; charset=utf-8");
            r.write(("<a href=\"" + location.replace("\"", "&#34;") + "\">Moved Permanently</a>.\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The size of the request's header block as it came in (request line and header lines). */
    private static long headerBytes(Headers headers, String rawPath) {
        long n = rawPath.length() + 20;
        for (Header h : headers) {
            for (String v : h.allValues()) {
                n += h.name().length() + v.length() + 4;
            }
        }
        return n;
    }

    /** The client's {@code X-Request-Id} when it sent a sane one, else a new one. */
    private static String requestId(Headers headers) {
        String given = headers.first(REQUEST_ID).orElse(null);
        if (given != null && !given.isEmpty() && given.length() <= 128 && given.chars().allMatch(c -> c > 32
                && c < 127)) {
            return given;
        }
        return ID_PREFIX + Long.toHexString(NEXT_ID.incrementAndGet());
    }
}
