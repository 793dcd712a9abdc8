package dev.wippy.bench;

import io.helidon.webserver.WebServer;

import java.nio.charset.StandardCharsets;

/**
 * The ceiling of {@code bench/http.sh}: the server the runtime uses (Helidon SE, a virtual thread per request) with
 * a plain Java handler answering every request with the bytes of the hello-world endpoint.
 * Usage: {@code PlainHttpServer PORT}; runs until killed.
 */
public final class PlainHttpServer {
    private PlainHttpServer() {
    }

    public static void main(String[] args) {
        byte[] body = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.UTF_8);
        WebServer.builder().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .routing(r -> r.any((req, res) -> {
                    res.header("Content-Type", "application/json");
                    res.send(body);
                }))
                .build().start();
        System.out.println("listening on " + args[0]);
    }
}
