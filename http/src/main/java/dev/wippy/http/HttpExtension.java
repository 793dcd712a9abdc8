package dev.wippy.http;

import dev.wippy.http.client.HttpClientModule;
import dev.wippy.http.client.WebSocketModule;
import dev.wippy.http.config.HttpEntries;
import dev.wippy.http.config.HttpKinds;
import dev.wippy.http.config.TlsSettings;
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
import dev.wippy.runtime.env.Env;
import dev.wippy.runtime.env.EnvFailure;
import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.registry.ChangeRejected;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.http.routing.RouteTable;
import dev.wippy.http.server.Handler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        RoutingPlan plan = plan(boot, boot.decoded());
        TlsSettings.Variables variables = variables(boot.subsystem(Env.class));
        for (HttpEntries.Server s : HttpEntries.of(boot.decoded(), boot.root())) {
            servers.add(new HttpServer(s.service(), plan.build(s), boot.node().timers(), webSockets, variables,
                    boot.metrics()),
                    s.service().autoStart());
        }
        boot.code().onCommit((previous, next) -> routesOf(boot, servers, previous, next));
        return servers;
    }

    /** The app's environment variables (spec 03 §3.12) by public name or entry ID. */
    private static TlsSettings.Variables variables(Env env) {
        return name -> {
            if (env == null) {
                return null;
            }
            try {
                return env.get(name, null);
            } catch (EnvFailure e) {
                return null;
            }
        };
    }

    private static RoutingPlan plan(Boot boot, Registry registry) {
        return new RoutingPlan(new Middlewares(boot.node(), registry, boot.root(), boot.metrics()),
                function -> new EndpointHandler(boot.functions(), function, x -> Map.of(RequestHandle.KEY,
                        new RequestHandle(x), "request_id", LuaString.of(x.requestId()))), StaticFiles::new);
    }

    /**
     * A registry commit that changes routers, endpoints or statics (spec 07 §1.1): every server's new table is built
     * first (a conflict refuses the commit and the old tables keep serving), then all are swapped in. Services are
     * bound at start-up: adding or removing one takes a restart.
     */
    private static Runnable routesOf(Boot boot, HttpServers servers, Registry previous, Registry next) {
        if (sameHttpEntries(previous, next)) {
            return () -> { };
        }
        List<HttpEntries.Server> wanted = HttpEntries.of(next, boot.root());
        Map<String, HttpServer> running = servers.byId();
        if (!wanted.stream().map(s -> s.service().id()).collect(Collectors.toSet()).equals(running.keySet())) {
            throw new ChangeRejected(ChangeRejected.Reason.INVALID,
                    "http.service entries are bound at start-up: adding or removing one takes a restart");
        }
        RoutingPlan plan = plan(boot, next);
        Map<HttpServer, RouteTable<Handler>> tables = new HashMap<>();
        for (HttpEntries.Server s : wanted) {
            tables.put(running.get(s.service().id()), plan.build(s));
        }
        return () -> tables.forEach(HttpServer::routes);
    }

    private static boolean sameHttpEntries(Registry previous, Registry next) {
        List<Entry> before = previous.all().stream().filter(e -> HttpKinds.ALL.contains(e.kind())).toList();
        List<Entry> after = next.all().stream().filter(e -> HttpKinds.ALL.contains(e.kind())).toList();
        return before.equals(after);
    }
}
