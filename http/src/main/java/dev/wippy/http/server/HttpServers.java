package dev.wippy.http.server;

import dev.wippy.runtime.ext.Subsystem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The app's servers as a subsystem: started after the functions exist, stopped before processes are canceled. */
public final class HttpServers implements Subsystem {
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final List<HttpServer> started = new ArrayList<>();

    public void add(HttpServer server, boolean autoStart) {
        servers.put(server.id(), server);
        if (autoStart) {
            started.add(server);
        }
    }

    @Override
    public void start() {
        List<HttpServer> running = new ArrayList<>();
        try {
            for (HttpServer s : started) {
                s.start();
                running.add(s);
            }
        } catch (RuntimeException e) {
            running.reversed().forEach(s -> s.stop(Duration.ZERO));
            throw e;
        }
    }

    @Override
    public List<String> stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> cut = new ArrayList<>();
        for (HttpServer s : started.reversed()) {
            cut.addAll(s.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        }
        return cut;
    }

    /** The servers by their {@code http.service} ID. */
    public Map<String, HttpServer> byId() {
        return Map.copyOf(servers);
    }

    /** The port server {@code id} listens on. */
    public int port(String id) {
        HttpServer s = servers.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no http.service " + id);
        }
        return s.port();
    }
}
