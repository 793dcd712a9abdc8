package dev.wippy.http.config;

import dev.wippy.http.routing.PathPattern;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.EntryId;
import dev.wippy.runtime.registry.Registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks every {@code http.*} entry of an app, grouped by the service they belong to. */
public final class HttpEntries {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE");

    /** One {@code http.service} and what is mounted on it. */
    public record Server(ServiceSettings service, List<RouterSettings> routers,
                         Map<String, List<EndpointSettings>> endpointsByRouter, List<StaticSettings> statics) {}

    private HttpEntries() {
    }

    /**
     * The servers of {@code registry}, in load order.
     *
     * @throws BootException naming the first bad entry
     */
    public static List<Server> of(Registry registry, Path root) {
        Map<String, Server> servers = new LinkedHashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (Entry e : registry.ofKind(HttpKinds.SERVICE)) {
            ServiceSettings s = ServiceSettings.of(e);
            if (s.address().port() != 0) {
                String other = addresses.put(s.address().toString(), e.id());
                if (other != null) {
                    throw BootException.at(e, "address " + s.address() + " is already used by " + other);
                }
            }
            servers.put(e.id(), new Server(s, new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>()));
        }
        Map<String, RouterSettings> routers = new HashMap<>();
        for (Entry e : registry.ofKind(HttpKinds.ROUTER)) {
            Server server = parent(e, "server", HttpKinds.SERVICE, servers);
            RouterSettings r = new RouterSettings(e, server.service().id(),
                    RouterSettings.normalise(e.string("prefix")), e.strings("middleware"), Options.of(e.field("options")),
                    e.strings("post_middleware"), Options.of(e.field("post_options")));
            String rawPrefix = e.string("prefix") == null ? "" : e.string("prefix");
            for (RouterSettings other : server.routers()) {
                String otherRaw = other.entry().string("prefix") == null ? "" : other.entry().string("prefix");
                if (otherRaw.equals(rawPrefix)) {
                    throw BootException.at(e, "router prefix already exists (" + other.id() + " has prefix '"
                            + rawPrefix + "')");
                }
            }
            server.routers().add(r);
            server.endpointsByRouter().put(e.id(), new ArrayList<>());
            routers.put(e.id(), r);
        }
        for (Entry e : registry.ofKind(HttpKinds.ENDPOINT)) {
            EndpointSettings ep = endpoint(e, routers);
            Server server = servers.get(routers.get(ep.routerId()).serverId());
            server.endpointsByRouter().get(ep.routerId()).add(ep);
        }
        for (Entry e : registry.ofKind(HttpKinds.STATIC)) {
            Server server = parent(e, "server", HttpKinds.SERVICE, servers);
            StaticSettings st = statics(e, registry, root, server.service().id());
            for (StaticSettings other : server.statics()) {
                if (other.path().equals(st.path())) {
                    throw BootException.at(e, "mount path already exists (" + other.id() + ")");
                }
            }
            server.statics().add(st);
        }
        return List.copyOf(servers.values());
    }

    private static <T> T parent(Entry e, String field, String kind, Map<String, T> parents) {
        Object ref = e.meta().get(field);
        if (ref == null || ref.toString().isBlank()) {
            throw BootException.at(e, field + " metadata is required (meta." + field + ")");
        }
        String id = EntryId.resolve(ref.toString(), e.namespace());
        T parent = parents.get(id);
        if (parent == null) {
            throw BootException.at(e, field + " not found: meta." + field + " names " + id + ", which is not an "
                    + kind + " entry");
        }
        return parent;
    }

    private static EndpointSettings endpoint(Entry e, Map<String, RouterSettings> routers) {
        RouterSettings router = parent(e, "router", HttpKinds.ROUTER, routers);
        String method = e.string("method");
        if (method == null || method.isEmpty()) {
            throw BootException.at(e, "method is required");
        }
        if (!METHODS.contains(method)) {
            throw BootException.at(e, "invalid HTTP method: " + method + " (one of GET POST PUT DELETE PATCH HEAD "
                    + "OPTIONS TRACE, upper-case)");
        }
        String path = e.string("path");
        if (path == null || path.isEmpty()) {
            throw BootException.at(e, "path is required");
        }
        PathPattern pattern;
        try {
            PathPattern.parse(path);
            pattern = PathPattern.parse(router.prefix() + path);
        } catch (IllegalArgumentException x) {
            throw BootException.at(e, x.getMessage());
        }
        String func = e.reference("func");
        if (func == null || func.isEmpty()) {
            throw BootException.at(e, "func is required");
        }
        return new EndpointSettings(e, router.id(), method, pattern, func);
    }

    private static StaticSettings statics(Entry e, Registry registry, Path root, String serverId) {
        String path = e.string("path");
        if (path == null || !path.startsWith("/")) {
            throw BootException.at(e, "path must start with /");
        }
        String fs = e.reference("fs");
        if (fs == null) {
            throw BootException.at(e, "fs is required");
        }
        Entry fsEntry = registry.get(fs);
        if (fsEntry == null || !fsEntry.kind().equals("fs.directory")) {
            throw BootException.at(e, "filesystem not found: " + fs + (fsEntry == null ? ""
                    : " is a " + fsEntry.kind() + "; only fs.directory is served"));
        }
        String dir = fsEntry.string("directory");
        if (dir == null || dir.isEmpty()) {
            throw BootException.at(fsEntry, "directory is required");
        }
        Path directory = root.resolve(dir).normalize();
        if (!Files.isDirectory(directory)) {
            throw BootException.at(fsEntry, "failed to open directory " + directory);
        }
        Map<String, Object> legacy = e.field("options") instanceof Map<?, ?> m ? new HashMap<>(castMap(m)) : Map.of();
        Object spaValue = e.field("static_options.spa") != null ? e.field("static_options.spa") : legacy.get("spa");
        boolean spa = Boolean.TRUE.equals(spaValue) || "true".equals(String.valueOf(spaValue));
        String index = string(e.field("static_options.index"), legacy.get("index"));
        if (spa && (index == null || index.isEmpty())) {
            throw BootException.at(e, "index file must be specified for SPA mode");
        }
        return new StaticSettings(e, serverId, path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1) : path, directory, spa, index,
                string(e.field("static_options.cache"), legacy.get("cache")), e.strings("middleware"),
                Options.of(e.field("options")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String string(Object value, Object legacy) {
        Object v = value != null ? value : legacy;
        return v == null ? null : v.toString();
    }
}
