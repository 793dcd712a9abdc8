package dev.wippy.http.relay;

import io.helidon.common.Weight;
import io.helidon.http.Headers;
import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsUpgradeProvider;
import io.helidon.webserver.websocket.WsUpgrader;

/**
 * The server's WebSocket upgrade, found by Helidon before its own (higher weight): the same handshake, except that
 * the Origin is left to {@code websocket_relay}, whose patterns (spec 07 §5.2) are wider than Helidon's
 * same-origin-or-exact-list rule.
 */
@Weight(200)
public final class RelayUpgradeProvider extends WsUpgradeProvider {
    @Override
    public Http1Upgrader create(WsConfig config, ProtocolConfigs configs) {
        return new OriginCheckedByRelay(config);
    }

    private static final class OriginCheckedByRelay extends WsUpgrader {
        OriginCheckedByRelay(WsConfig config) {
            super(config);
        }

        @Override
        protected void validateOrigin(Headers headers, String origin) {
            // websocket_relay checks the Origin once the route's handler has run
        }
    }
}
