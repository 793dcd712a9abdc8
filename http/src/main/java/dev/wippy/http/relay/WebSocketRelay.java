package dev.wippy.http.relay;

import dev.wippy.http.config.Options;
import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Handler;
import dev.wippy.http.server.Middleware;
import dev.wippy.http.server.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * {@code websocket_relay} (spec 07 §5.2): after the handler set {@code X-WS-Relay} on a WebSocket handshake, the
 * connection is handed to the target process through {@link WebSocketRelays}. Requests without the header pass
 * unchanged.
 */
public final class WebSocketRelay implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.http");
    private static final String HEADER = "X-Ws-Relay";

    private final Origins origins;

    public WebSocketRelay(Options options) {
        this.origins = new Origins(options, "wsrelay.allowed.origins");
    }

    @Override
    public void handle(Exchange x, Handler next) throws Exception {
        next.handle(x);
        Reply r = x.reply();
        String command = r.takeHeader(HEADER);
        if (command == null) {
            return;
        }
        RelaySettings settings;
        try {
            settings = RelaySettings.parse(command, RelaySettings.WEBSOCKET);
        } catch (RelaySettings.NotJson e) {
            LOG.atWarn().setMessage("websocket relay ignored: " + e.getMessage()).addKeyValue("path", x.rawPath())
                    .log();
            return;
        } catch (RelaySettings.Invalid e) {
            r.reset();
            r.plainError(400, "Invalid target PID: " + e.getMessage());
            return;
        }
        if (settings.target == null) {
            r.reset();
            r.plainError(400, "Invalid target PID: target_pid is required");
            return;
        }
        if (!x.wantsUpgrade()) {
            r.reset();
            if (!x.method().equals("GET")) {
                r.plainError(405, "websocket: the client is not using the websocket protocol: request method is "
                        + "not GET");
            } else {
                r.setHeader("Sec-WebSocket-Version", "13");
                r.plainError(426, "websocket: the client is not using the websocket protocol: 'upgrade' token not "
                        + "found in 'Connection' header");
            }
            return;
        }
        String origin = x.header("Origin");
        String host = x.host();
        if (origin != null && !originHost(origin).equalsIgnoreCase(host)
                && !origins.allows(origin, List.of(), true)) {
            r.reset();
            r.plainError(403, "request Origin \"" + origin + "\" is not authorized for Host \"" + host + "\"");
            return;
        }
        x.acceptUpgrade(settings);
    }

    private static String originHost(String origin) {
        int scheme = origin.indexOf("://");
        return scheme < 0 ? origin : origin.substring(scheme + 3);
    }
}
