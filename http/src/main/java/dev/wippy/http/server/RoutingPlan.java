package dev.wippy.http.server;

import dev.wippy.http.config.EndpointSettings;
import dev.wippy.http.config.HttpEntries;
import dev.wippy.http.config.Options;
import dev.wippy.http.config.RouterSettings;
import dev.wippy.http.config.StaticSettings;
import dev.wippy.http.routing.PathPattern;
import dev.wippy.http.routing.Route;
import dev.wippy.http.routing.RouteConflicts;
import dev.wippy.http.routing.RouteTable;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the route table of one server (spec 07 §1.6.1): every endpoint wrapped in its router's middleware, the
 * route info and the post-match middleware; an automatic OPTIONS route per path; every static mount as a subtree.
 */
public final class RoutingPlan {
    private final MiddlewareFactory middleware;
    private final Function<String, Handler> endpoints;
    private final Function<StaticSettings, Handler> statics;

    /**
     * @param endpoints the innermost handler of the function with the given ID
     * @param statics   the file handler of a static mount
     */
    public RoutingPlan(MiddlewareFactory middleware, Function<String, Handler> endpoints,
                       Function<StaticSettings, Handler> statics) {
        this.middleware = middleware;
        this.endpoints = endpoints;
        this.statics = statics;
    }

    /**
     * @throws BootException for an unknown middleware or conflicting routes, naming the entry
     */
    public RouteTable<Handler> build(HttpEntries.Server server) {
        List<Route<Handler>> routes = new ArrayList<>();
        Map<Route<Handler>, Entry> owners = new HashMap<>();
        Set<String> declaredOptions = new HashSet<>();
        server.endpointsByRouter().values().forEach(eps -> eps.stream().filter(ep -> ep.method().equals("OPTIONS"))
                .forEach(ep -> declaredOptions.add(ep.path().text())));
        for (RouterSettings router : server.routers()) {
            List<Middleware> pre = layers(router.entry(), router.middleware(), router.options(), "failed to create "
                    + "middleware");
            List<Middleware> post = layers(router.entry(), router.postMiddleware(), router.postOptions(),
                    "failed to create post-match middleware");
            Set<String> paths = new LinkedHashSet<>();
            for (EndpointSettings ep : server.endpointsByRouter().get(router.id())) {
                Handler inner = Middleware.wrap(post, endpoints.apply(ep.functionId()));
                Handler routed = x -> {
                    x.route(x.matched(), ep.functionId());
                    inner.handle(x);
                };
                Route<Handler> r = new Route<>(ep.method(), ep.path(), Middleware.wrap(pre, routed),
                        ep.method() + " " + ep.path().text() + " (" + ep.id() + ")");
                routes.add(r);
                owners.put(r, ep.entry());
                if (!ep.method().equals("OPTIONS")) {
                    paths.add(ep.path().text());
                }
            }
            for (String path : paths) {
                if (!declaredOptions.contains(path)) {
                    routes.add(new Route<>("OPTIONS", PathPattern.parse(path), Middleware.wrap(pre,
                            x -> x.reply().setStatus(204)), "OPTIONS " + path + " (automatic, " + router.id() + ")"));
                }
            }
        }
        for (StaticSettings st : server.statics()) {
            List<Middleware> layers = layers(st.entry(), st.middleware(), st.options(), "failed to create middleware");
            String mount = st.path().equals("/") ? "/" : st.path() + "/";
            Route<Handler> r = new Route<>(Route.ANY, PathPattern.parse(mount), Middleware.wrap(layers,
                    statics.apply(st)), mount + " (" + st.id() + ")");
            routes.add(r);
            owners.put(r, st.entry());
        }
        try {
            return RouteTable.of(routes);
        } catch (RouteConflicts c) {
            Entry e = owners.getOrDefault(c.culprit(), server.service().entry());
            throw BootException.at(e, c.getMessage());
        }
    }

    private List<Middleware> layers(Entry owner, List<String> names, Options options, String failure) {
        List<Middleware> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(middleware.create(name, options, owner));
            } catch (IllegalArgumentException e) {
                throw BootException.at(owner, failure + ": " + e.getMessage());
            }
        }
        return out;
    }
}
