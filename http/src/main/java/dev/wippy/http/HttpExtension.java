package dev.wippy.http;

import dev.wippy.http.client.HttpClientModule;
import dev.wippy.http.client.WebSocketModule;
import dev.wippy.http.config.HttpEntries;
import dev.wippy.http.config.HttpKinds;
import dev.wippy.http.lua.HttpModule;
import dev.wippy.http.lua.RequestHandle;
import dev.wippy.http.middleware.Middlewares;
import dev.wippy.http.relay.WebSocketRelays;
import dev.wippy.http.server.EndpointHandler;
import dev.wippy.http.server.HttpServer;
import dev.wippy.http.server.HttpServers;
import dev.wippy.http.server.RoutingPlan;
import dev.wippy.http.statics.StaticFiles;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;

import java.util.List;
import java.util.Map;

/**
 * HTTP servers, routers, endpoints and static mounts; the {@code http}, {@code http_client} and {@code websocket}
 * modules.
 */
public final class HttpExtension implements Extension {
    @Override
    public List<Kind> kinds() {
        return HttpKinds.ALL.stream().map(k -> new Kind(k, true)).toList();
    }

    @Override
    public int order() {
        return SERVERS;
    }

    @Override
    public Subsystem boot(Boot boot) {
        boot.module("http", HttpModule.PROVIDER);
        boot.module("http_client", HttpClientModule.PROVIDER);
        boot.module("websocket", WebSocketModule.PROVIDER);
        HttpServers servers = new HttpServers();
        WebSocketRelays webSockets = new WebSocketRelays(boot.node());
        RoutingPlan plan = new RoutingPlan(new Middlewares(boot.node(), boot.decoded(), boot.root(),
                boot.metrics()), function -> new EndpointHandler(
                boot.functions(), function, x -> Map.of(RequestHandle.KEY, new RequestHandle(x), "request_id",
                LuaString.of(x.requestId()))), StaticFiles::new);
        for (HttpEntries.Server s : HttpEntries.of(boot.decoded(), boot.root())) {
            servers.add(new HttpServer(s.service(), plan.build(s), boot.node().timers(), webSockets,
                    boot.metrics()),
                    s.service().autoStart());
        }
        return servers;
    }
}
