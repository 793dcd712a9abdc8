package dev.wippy.http.server;

import dev.wippy.http.config.ServiceSettings;
import dev.wippy.http.config.TlsSettings;
import dev.wippy.http.routing.RouteTable;
import dev.wippy.runtime.metrics.CollectorSlot;
import dev.wippy.runtime.registry.BootException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.helidon.webserver.websocket.WsRouting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One {@code http.service}: a Helidon listener on its address (HTTP/1.1, keep-alive, 100-continue, TLS when
 * configured), request headers
 * limited to 1 MiB (431, checked by the dispatcher; the parser itself refuses header blocks over twice that with
 * 400) and bodies to {@value #MAX_BODY} bytes (413), the service's timeouts, and a graceful stop.
 */
public final class HttpServer {
    /** Largest request body accepted (the default {@code max_body} of {@code http.request}). */
    static final long MAX_BODY = 125_829_120;
    private static final int PARSER_MAX_HEADERS = 2 << 20;
    private static final Duration UNLIMITED = Duration.ofDays(3650);

    private final ServiceSettings settings;
    private final InFlight inFlight = new InFlight();
    private final Dispatcher dispatcher;
    private final ScheduledExecutorService timers;
    private final WebSockets webSockets;
    private final TlsSettings.Variables env;
    private WebServer server;
    private SlowClients slowClients;

    /**
     * @param env     where the {@code tls.*_env} fields are looked up when the server starts
     * @param metrics where every finished request is counted
     */
    public HttpServer(ServiceSettings settings, RouteTable<Handler> table, ScheduledExecutorService timers,
                      WebSockets webSockets, TlsSettings.Variables env, CollectorSlot metrics) {
        this.settings = settings;
        this.webSockets = webSockets;
        this.env = env;
        this.dispatcher = new Dispatcher(settings.id(), table, inFlight, timers, settings.write(), metrics);
        this.timers = timers;
    }

    public String id() {
        return settings.id();
    }

    /** Serves new requests with {@code table} (spec 07 §1.1: atomically, running requests finish with the old). */
    public void routes(RouteTable<Handler> table) {
        dispatcher.routes(table);
    }

    /**
     * Binds and starts accepting.
     *
     * @throws BootException naming the service when the address cannot be bound (port in use, bad host)
     */
    public void start() {
        ServerLogging.install();
        checkBindable();
        List<Http1ConnectionListener> listeners = new ArrayList<>(List.of(new ConnectionInfo()));
        if (settings.read() != null) {
            slowClients = new SlowClients(settings.read(), timers);
            listeners.add(slowClients);
        }
        Http1Config.Builder http1 = Http1Config.builder().maxHeadersSize(PARSER_MAX_HEADERS).validatePath(false)
                .addReceiveListener(new ReceiveListeners(listeners));
        var builder = WebServer.builder()
                .host(settings.address().host())
                .port(settings.address().port())
                .maxPayloadSize(MAX_BODY)
                .shutdownGracePeriod(Duration.ofMillis(100))
                .addProtocol(http1.build())
                .routing(HttpRouting.builder().any(dispatcher))
                .addRouting(WsRouting.builder().endpoint("/*", () -> webSockets.connection(settings.id(),
                        (prologue, headers) -> dispatcher.handshake(prologue, headers, ConnectionInfo.remoteAddr(),
                                ConnectionInfo.secure()))));
        if (settings.tls() != null) {
            builder.tls(ServerTls.of(settings.tls(), env));
        }
        // without an idle or read timeout keep-alive connections are never closed for idleness (spec 07 §1.2)
        Duration idle = settings.idleLimit() == null ? UNLIMITED : settings.idleLimit();
        Duration sweep = idle.dividedBy(2);
        builder.idleConnectionTimeout(idle).idleConnectionPeriod(sweep.compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : sweep.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : sweep);
        server = builder.build();
        try {
            server.start();
        } catch (RuntimeException e) {
            throw BootException.at(settings.entry(), "cannot listen on " + settings.address() + ": " + e.getMessage());
        }
    }

    /** A clear error for a busy port, before the server's own (less telling) failure. */
    private void checkBindable() {
        if (settings.address().port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(settings.address().host(), settings.address().port()));
        } catch (IOException e) {
            throw BootException.at(settings.entry(), "cannot listen on " + settings.address() + ": "
                    + e.getMessage());
        }
    }

    /** The port it listens on (the chosen one when the address asked for port 0). */
    public int port() {
        return server.port();
    }

    /**
     * Stops taking requests (new ones get 503), lets running ones finish within {@code timeout}, cancels what still
     * runs and closes the listener.
     *
     * @return the requests that had to be canceled
     */
    public List<String> stop(Duration timeout) {
        if (server == null) {
            return List.of();
        }
        dispatcher.drain();
        List<String> cut = new ArrayList<>();
        if (!inFlight.awaitIdle(timeout.toNanos())) {
            for (Exchange x : inFlight.running()) {
                cut.add(x.method() + " " + x.rawPath() + " on " + id());
                x.abort("server stopping");
            }
            inFlight.awaitIdle(Duration.ofSeconds(1).toNanos());
        }
        webSockets.close(id());
        server.stop();
        server = null;
        if (slowClients != null) {
            slowClients.close();
        }
        return cut;
    }
}
