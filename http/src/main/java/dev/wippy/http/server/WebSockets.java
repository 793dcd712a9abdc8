package dev.wippy.http.server;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;

/**
 * The WebSocket side of a server: every handshake runs the request's route first, and only a relay accepting it
 * (through {@link Exchange#acceptUpgrade}) turns the connection into a WebSocket; other handshakes are answered as
 * plain HTTP requests.
 */
public interface WebSockets {
    /** Runs a handshake's route; the accepted exchange, or null when no relay took the connection. */
    @FunctionalInterface
    interface Handshake {
        Exchange run(HttpPrologue prologue, Headers headers);
    }

    /** The listener of one new connection of server {@code serverId}. */
    WsListener connection(String serverId, Handshake handshake);

    /** Closes the open connections of server {@code serverId} (going away), when it stops. */
    void close(String serverId);
}
