package dev.wippy.bench;

import io.temporal.testserver.TestServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Temporal's in-memory server on a free loopback port inside the benchmark's JVM, real-time clock (what
 * {@code wippy temporal dev} runs), so that the Temporal row needs no server of its own.
 */
final class TemporalDevServer implements AutoCloseable {
    private final TestServer.PortBoundTestServer server;
    private final int port;

    private TemporalDevServer(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static TemporalDevServer start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return new TemporalDevServer(TestServer.createPortBoundServer(port, true), port);
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }
}
