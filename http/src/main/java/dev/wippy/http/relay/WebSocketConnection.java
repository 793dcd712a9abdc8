package dev.wippy.http.relay;

import dev.wippy.http.server.WebSockets;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.Message;
import dev.wippy.runtime.process.Node;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One relayed WebSocket connection (spec 07 §5.2): its pseudo-process joins the target, client frames become
 * messages to it, messages to the pseudo-process become JSON frames {@code {"topic", "data"}} to the client, with
 * heartbeats, {@code ws.control}, {@code ws.close} and the target's exit; it leaves when the connection ends.
 */
final class WebSocketConnection implements WsListener {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.http");
    /** Largest client message (preserved reference limit); larger ones close the connection with 1009. */
    static final int MAX_MESSAGE = 32768;
    private static final int NORMAL = 1000;
    private static final int GOING_AWAY = 1001;
    private static final int TOO_BIG = 1009;
    private static final int MAX_REASON = 123;
    private static final Object STOP = new Object();

    private final Node node;
    private final String serverId;
    private final WebSockets.Handshake handshake;
    private final WebSocketRelays relays;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private RelaySettings settings;
    private RelayProcess relay;
    private WsSession session;
    private long started;
    private long messages;
    private boolean ended;

    WebSocketConnection(Node node, String serverId, WebSockets.Handshake handshake, WebSocketRelays relays) {
        this.node = node;
        this.serverId = serverId;
        this.handshake = handshake;
        this.relays = relays;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        settings = WebSocketRelays.accepted(handshake.run(prologue, headers));
        if (settings == null) {
            throw new WsUpgradeException("no relay took the connection");
        }
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        synchronized (this) {
            this.session = session;
            started = System.nanoTime();
            relay = new RelayProcess(node, serverId);
        }
        relays.opened(serverId, this);
        if (!attach(settings.target)) {
            close(NORMAL, "target process exited");
            return;
        }
        Thread.ofVirtual().name("ws relay " + relay.pid()).start(this::pump);
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        received(text.getBytes(StandardCharsets.UTF_8), last);
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        byte[] bytes = new byte[buffer.available()];
        buffer.read(bytes);
        received(bytes, last);
    }

    /** Pings are answered (RFC 6455 §5.5.2); the server does not do it by itself. */
    @Override
    public void onPing(WsSession session, BufferData buffer) {
        session.pong(buffer);
    }

    /** A client frame: whole messages go to the target, too large ones close the connection. */
    private void received(byte[] bytes, boolean last) {
        String target;
        byte[] message;
        synchronized (this) {
            partial.writeBytes(bytes);
            if (partial.size() > MAX_MESSAGE) {
                partial.reset();
                close(TOO_BIG, "message too big");
                return;
            }
            if (!last) {
                return;
            }
            message = partial.toByteArray();
            partial.reset();
            messages++;
            target = settings.target;
        }
        if (target != null) {
            relay.send(target, settings.topic, LuaString.wrap(message));
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        end();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        LOG.atDebug().setMessage("websocket relay connection failed: " + t).log();
        end();
    }

    /** Works through what processes send to the connection, and the heartbeats, until it ends. */
    private void pump() {
        long nextBeat = System.nanoTime() + settings.heartbeat.toNanos();
        try {
            while (true) {
                long now = System.nanoTime();
                if (now >= nextBeat) {
                    heartbeat(now);
                    nextBeat = now + settings.heartbeat.toNanos();
                }
                Object item = relay.next(nextBeat - now);
                if (item == STOP) {
                    return;
                }
                if (item instanceof Message m) {
                    message(m);
                } else if (item instanceof Event ev && ev.kind().equals(Event.EXIT)
                        && ev.from().equals(settings.target)) {
                    close(NORMAL, "target process exited");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void message(Message m) {
        Object value = Payloads.value(m);
        switch (m.topic()) {
            case "ws.close" -> {
                String reason;
                try {
                    reason = value == null ? "Connection closed by server"
                            : value instanceof LuaString s ? s.toString() : Payloads.json(value);
                } catch (IOException e) {
                    reason = "Connection closed by server";
                }
                close(NORMAL, reason);
            }
            case "ws.control" -> {
                if (value instanceof LuaTable t) {
                    control(t);
                }
            }
            default -> {
                try {
                    session.send("{\"topic\":" + Payloads.json(LuaString.of(m.topic())) + ",\"data\":"
                            + Payloads.frameJson(value) + "}", true);
                } catch (IOException | RuntimeException e) {
                    LOG.atDebug().setMessage("websocket relay could not write to the client: " + e).log();
                    end();
                }
            }
        }
    }

    private void control(LuaTable t) {
        String before = settings.target;
        try {
            settings.apply(t, false);
        } catch (RelaySettings.Invalid e) {
            LOG.atWarn().setMessage("ws.control ignored: " + e.getMessage()).log();
        }
        if (settings.target == null) {
            settings.target = before;
        } else if (!settings.target.equals(before)) {
            detach(before);
            if (!attach(settings.target)) {
                close(NORMAL, "target process exited");
            }
        }
    }

    private boolean attach(String target) {
        return relay.join(target, "ws.join", membership());
    }

    private void detach(String target) {
        relay.leave(target, "ws.leave", membership());
    }

    private void heartbeat(long now) {
        long count;
        synchronized (this) {
            count = messages;
        }
        relay.send(settings.target, "ws.heartbeat", relay.heartbeat(metadata(), now - started, count));
    }

    private LuaTable membership() {
        return relay.membership(metadata());
    }

    /** The metadata, left out of payloads when empty (spec 07 §5.2). */
    private LuaTable metadata() {
        return settings.metadata.nextSlot(0) >= 0 ? settings.metadata : null;
    }

    private void close(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        String text = r.length <= MAX_REASON ? reason
                : new String(Arrays.copyOf(r, MAX_REASON), StandardCharsets.UTF_8);
        try {
            session.close(code, text);
        } catch (RuntimeException e) {
            LOG.atDebug().setMessage("websocket relay close failed: " + e).log();
        }
        end();
    }

    /** The server stops: the client is told the server goes away. */
    void goingAway() {
        close(GOING_AWAY, "server stopping");
    }

    /** Leaves the target and ends the pseudo-process, once. */
    private void end() {
        synchronized (this) {
            if (ended || relay == null) {
                return;
            }
            ended = true;
        }
        relay.deliver(STOP);
        if (settings.target != null) {
            detach(settings.target);
        }
        relay.end("websocket connection closed");
        relays.closed(serverId, this);
    }
}
