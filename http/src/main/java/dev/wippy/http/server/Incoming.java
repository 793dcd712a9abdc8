package dev.wippy.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.http.ServerRequest;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** A request as it came in: a served request, or the handshake of a WebSocket upgrade (which has no body). */
interface Incoming {
    String method();

    String rawPath();

    String rawQuery();

    Headers headers();

    /** The declared body length: -1 when unknown (chunked), 0 without body. */
    long contentLength();

    String remoteAddr();

    String authority();

    boolean secure();

    InputStream body();

    static Incoming of(ServerRequest r) {
        return new Incoming() {
            @Override
            public String method() {
                return r.prologue().method().text();
            }

            @Override
            public String rawPath() {
                return r.path().rawPath();
            }

            @Override
            public String rawQuery() {
                return r.query().rawValue();
            }

            @Override
            public Headers headers() {
                return r.headers();
            }

            @Override
            public long contentLength() {
                return length(r.headers());
            }

            @Override
            public String remoteAddr() {
                SocketAddress peer = r.remotePeer().address();
                return peer instanceof InetSocketAddress in ? hostPort(in) : String.valueOf(peer);
            }

            @Override
            public String authority() {
                return r.authority();
            }

            @Override
            public boolean secure() {
                return r.isSecure();
            }

            @Override
            public InputStream body() {
                return r.content().inputStream();
            }
        };
    }

    /** A WebSocket handshake: what the handler sees of it; its remote address is the connection's. */
    static Incoming handshake(HttpPrologue p, Headers h, String remoteAddr, boolean secure) {
        return new Incoming() {
            @Override
            public String method() {
                return p.method().text();
            }

            @Override
            public String rawPath() {
                return p.uriPath().rawPath();
            }

            @Override
            public String rawQuery() {
                return p.query().rawValue();
            }

            @Override
            public Headers headers() {
                return h;
            }

            @Override
            public long contentLength() {
                return length(h);
            }

            @Override
            public String remoteAddr() {
                return remoteAddr;
            }

            @Override
            public String authority() {
                return h.first(HeaderNames.HOST).orElse("");
            }

            @Override
            public boolean secure() {
                return secure;
            }

            @Override
            public InputStream body() {
                return InputStream.nullInputStream();
            }
        };
    }

    private static long length(Headers h) {
        return h.contentLength().orElse(h.contains(HeaderNames.TRANSFER_ENCODING) ? -1 : 0);
    }

    static String hostPort(InetSocketAddress a) {
        String ip = a.getAddress().getHostAddress();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + a.getPort();
    }
}
