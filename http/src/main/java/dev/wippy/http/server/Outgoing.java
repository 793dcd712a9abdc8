package dev.wippy.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Where a {@link Reply} goes: the client's response, or a capture replayed later (a refused WebSocket handshake). */
interface Outgoing {
    void status(int code);

    void header(String name, String... values);

    /** A whole body, with {@code Content-Length}. */
    void send(byte[] body);

    /** The head of a HEAD answer: {@code Content-Length} of the body it would have had, and no body. */
    void sendHead(long length);

    /** A streamed (chunked) body. */
    OutputStream stream();

    static Outgoing of(ServerResponse res) {
        return new Outgoing() {
            @Override
            public void status(int code) {
                res.status(code);
            }

            @Override
            public void header(String name, String... values) {
                res.header(name, values);
            }

            @Override
            public void send(byte[] body) {
                res.send(body);
            }

            @Override
            public void sendHead(long length) {
                res.header(HeaderNames.CONTENT_LENGTH, Long.toString(length));
                res.send();
            }

            @Override
            public OutputStream stream() {
                return res.outputStream();
            }
        };
    }

    /** Keeps the answer to send it later through {@link #replay}. */
    final class Captured implements Outgoing {
        private int status = 200;
        private final List<String[]> headers = new ArrayList<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public void status(int code) {
            status = code;
        }

        @Override
        public void header(String name, String... values) {
            String[] h = new String[values.length + 1];
            h[0] = name;
            System.arraycopy(values, 0, h, 1, values.length);
            headers.add(h);
        }

        @Override
        public void send(byte[] data) {
            body.writeBytes(data);
        }

        @Override
        public void sendHead(long length) {
            header("Content-Length", Long.toString(length));
        }

        @Override
        public OutputStream stream() {
            return body;
        }

        void replay(ServerResponse res) {
            res.status(status);
            for (String[] h : headers) {
                res.header(h[0], java.util.Arrays.copyOfRange(h, 1, h.length));
            }
            res.send(body.toByteArray());
        }
    }
}
