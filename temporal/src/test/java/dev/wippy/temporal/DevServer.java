package dev.wippy.temporal;

import io.temporal.testserver.TestServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Temporal's in-memory test server on a free loopback port, as {@code wippy temporal dev} runs it, and the YAML of a
 * {@code temporal.client} and a {@code temporal.worker} pointed at it.
 */
final class DevServer implements AutoCloseable {
    private final TestServer.PortBoundTestServer server;
    final int port;

    private DevServer(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A server whose clock is real time ({@code skipTime} false) or jumps ahead whenever nothing runs. */
    static DevServer start(boolean skipTime) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return new DevServer(TestServer.createPortBoundServer(port, !skipTime), port);
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** The client entry's mapping (after {@code - name: ...}). */
    String clientYaml() {
        return "kind: temporal.client\naddress: \"" + address() + "\"\nconnection_timeout: 5s";
    }

    @Override
    public void close() {
        server.close();
    }
}
