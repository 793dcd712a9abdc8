package dev.wippy.http.middleware;

import dev.wippy.http.config.Options;
import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Handler;
import dev.wippy.http.server.Middleware;
import dev.wippy.http.server.Reply;

import java.util.Arrays;
import java.util.List;

/** {@code cors} (spec 07 §3.2): answers preflights with an echoed allowed origin, decorates other requests. */
final class Cors implements Middleware {
    private final List<String> origins;
    private final String methods;
    private final String headers;
    private final String expose;
    private final boolean credentials;
    private final String maxAge;
    private final boolean privateNetwork;

    Cors(Options o) {
        origins = Arrays.stream(o.get("cors.allow.origins", "allow_origins", "*").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        methods = o.get("cors.allow.methods", "allow_methods", "GET,POST,PUT,DELETE,OPTIONS,PATCH");
        headers = o.get("cors.allow.headers", "allow_headers",
                "Origin,Content-Type,Accept,Authorization,X-Requested-With");
        expose = o.get("cors.expose.headers", "expose_headers", "");
        credentials = "true".equals(o.get("cors.allow.credentials", "allow_credentials", "false"));
        maxAge = o.get("cors.max.age", "max_age", "86400");
        privateNetwork = "true".equals(o.get("cors.allow.private.network", "allow_private_network", "false"));
    }

    @Override
    public void handle(Exchange x, Handler next) throws Exception {
        String origin = x.header("Origin");
        boolean allowed = origin != null && allowed(origin);
        Reply r = x.reply();
        if (allowed && x.method().equals("OPTIONS") && x.header("Access-Control-Request-Method") != null) {
            r.setHeader("Access-Control-Allow-Origin", origin);
            r.setHeader("Access-Control-Allow-Methods", methods);
            r.setHeader("Access-Control-Allow-Headers", headers);
            r.setHeader("Access-Control-Max-Age", maxAge);
            common(r);
            r.setHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
            r.setStatus(204);
            return;
        }
        if (allowed) {
            r.setHeader("Access-Control-Allow-Origin", origin);
            if (!expose.isEmpty()) {
                r.setHeader("Access-Control-Expose-Headers", expose);
            }
            common(r);
            r.setHeader("Vary", "Origin");
        }
        next.handle(x);
    }

    private void common(Reply r) {
        if (credentials) {
            r.setHeader("Access-Control-Allow-Credentials", "true");
        }
        if (privateNetwork) {
            r.setHeader("Access-Control-Allow-Private-Network", "true");
        }
    }

    private boolean allowed(String origin) {
        for (String o : origins) {
            if (o.equals("*") || o.equals(origin)) {
                return true;
            }
            if (o.startsWith("*.") && origin.endsWith(o.substring(1)) && origin.length() > o.length() - 1
                    && !origin.substring(0, origin.length() - o.length() + 1).endsWith("//")) {
                return true;
            }
            if (o.equals("localhost") && (origin.matches("https?://localhost(:\\d+)?"))) {
                return true;
            }
        }
        return false;
    }
}
