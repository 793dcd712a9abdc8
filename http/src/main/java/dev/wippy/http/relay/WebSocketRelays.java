package dev.wippy.http.relay;

import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.WebSockets;
import dev.wippy.runtime.process.Node;
import io.helidon.websocket.WsListener;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The relayed WebSocket connections of the app's servers (spec 07 §5.2), closed when their server stops. */
public final class WebSocketRelays implements WebSockets {
    private final Node node;
    private final Map<String, Set<WebSocketConnection>> open = new ConcurrentHashMap<>();

    public WebSocketRelays(Node node) {
        this.node = node;
    }

    @Override
    public WsListener connection(String serverId, Handshake handshake) {
        return new WebSocketConnection(node, serverId, handshake, this);
    }

    void opened(String serverId, WebSocketConnection c) {
        open.computeIfAbsent(serverId, k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    void closed(String serverId, WebSocketConnection c) {
        Set<WebSocketConnection> set = open.get(serverId);
        if (set != null) {
            set.remove(c);
        }
    }

    @Override
    public void close(String serverId) {
        Set<WebSocketConnection> set = open.remove(serverId);
        if (set != null) {
            set.forEach(WebSocketConnection::goingAway);
        }
    }

    /** The settings a handshake's relay accepted, or null. */
    static RelaySettings accepted(Exchange x) {
        return x != null && x.upgrade() instanceof RelaySettings s ? s : null;
    }
}
