package dev.wippy.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code unix_socket} option of {@code http_client} (spec 07 §4.2): the request goes to the socket, not the host. */
class UnixSocketClientTest {
    @TempDir
    Path dir;

    /**
     * A server on a Unix socket that answers each request with its request line, User-Agent and body, then closes
     * the connection: what a daemon such as Docker's would see.
     */
    private static Thread echoServer(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return Thread.startVirtualThread(() -> {
            try (server) {
                while (true) {
                    try (SocketChannel c = server.accept()) {
                        String[] request = readRequest(c);
                        String body = "line=" + request[0] + "|agent=" + request[1] + "|body=" + request[2];
                        c.write(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                                + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                                .getBytes(StandardCharsets.US_ASCII)));
                    }
                }
            } catch (IOException e) {
                // the socket closed with the test
            }
        });
    }

    /** The request line, the User-Agent and the body (by Content-Length) of the next request on {@code c}. */
    private static String[] readRequest(SocketChannel c) throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        String text = "";
        int headEnd = -1;
        int length = 0;
        while (headEnd < 0 || in.size() < headEnd + 4 + length) {
            buf.clear();
            if (c.read(buf) < 0) {
                break;
            }
            in.write(buf.array(), 0, buf.position());
            text = in.toString(StandardCharsets.US_ASCII);
            headEnd = text.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                length = header(text.substring(0, headEnd), "content-length").isEmpty() ? 0
                        : Integer.parseInt(header(text.substring(0, headEnd), "content-length"));
            }
        }
        String head = text.substring(0, headEnd);
        return new String[] {head.split("\r\n")[0], header(head, "user-agent"), text.substring(headEnd + 4)};
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }

    @Test
    void requestsGoToTheSocketWithTheUrlsPathAndQuery() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        Thread server = echoServer(socket);
        try (HttpApp app = HttpApp.standard(dir, "", "").endpoint("probe", "GET", "/probe", "http, http_client", """
                local http = require("http")
                local http_client = require("http_client")
                return { handler = function()
                    local socket = http.request():query("socket")
                    local r, err = http_client.post("http://docker/v1/info?x=1", { unix_socket = socket, body = "hi" })
                    local _, missing = http_client.get("http://docker/v1/info", { unix_socket = socket .. ".none" })
                    http.response():write(r.status_code .. " " .. r.body .. "\\n" .. missing:kind() .. " "
                        .. tostring(missing:retryable()) .. " " .. missing:message())
                end }
                """).start()) {
            String out = app.get("/probe?socket=" + socket).body();
            assertThat(out).startsWith("200 line=POST /v1/info?x=1 HTTP/1.1|agent=Go-http-client/1.1|body=hi\n");
            assertThat(out).contains("Internal true Get \"http://docker/v1/info\": ");
        } finally {
            server.interrupt();
        }
    }
}
