package dev.wippy.http.server;

import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.net.InetSocketAddress;

/**
 * Remembers, on the connection's thread, which connection the request being read belongs to: a WebSocket
 * handshake, handled on that thread before any routing, learns its peer from it.
 */
final class ConnectionInfo implements Http1ConnectionListener {
    private static final ThreadLocal<ConnectionContext> CURRENT = new ThreadLocal<>();

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        CURRENT.set(ctx);
    }

    static String remoteAddr() {
        ConnectionContext ctx = CURRENT.get();
        return ctx != null && ctx.remotePeer().address() instanceof InetSocketAddress in ? Incoming.hostPort(in) : "";
    }

    static boolean secure() {
        ConnectionContext ctx = CURRENT.get();
        return ctx != null && ctx.isSecure();
    }
}
