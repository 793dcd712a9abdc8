package dev.wippy.http.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response of one request (spec 07 §2.3): status and headers held until commit, the body buffered until the
 * first flush, then streamed. A response that ends without a flush goes out with {@code Content-Length}, one that
 * was flushed (or asked for chunked transfer) with chunked encoding. A body without {@code Content-Type} gets a
 * sniffed one. Thread-safe: the handler's thread writes while the server's thread may time it out.
 */
public final class Reply {
    private static final String CONTENT_TYPE = "Content-Type";

    private final Outgoing wire;
    private final boolean head;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final List<BodyFilter> filters = new ArrayList<>(1);
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private OutputStream stream;
    private int status;
    private boolean committed;
    private boolean handled;
    private boolean finished;
    private long bytes;

    Reply(Outgoing wire, boolean head) {
        this.wire = wire;
        this.head = head;
    }

    /** Transforms the body as it goes out (gzip), decided when the head is sent. */
    public interface BodyFilter {
        /**
         * Called once before the head is sent; may change the headers and return a wrapper of the body stream,
         * or null to leave the body alone.
         *
         * @param body the whole body when the response ends without streaming, else null
         */
        java.util.function.UnaryOperator<OutputStream> open(Reply reply, byte[] body);
    }

    public synchronized void addFilter(BodyFilter f) {
        filters.add(f);
    }

    public synchronized boolean committed() {
        return committed;
    }

    public synchronized boolean handled() {
        return handled;
    }

    public synchronized void markHandled() {
        handled = true;
    }

    /** The status as it stands: 0 when none was set. */
    public synchronized int status() {
        return status;
    }

    /** The status sent or to be sent: 200 when none was set. */
    public synchronized int effectiveStatus() {
        return status == 0 ? 200 : status;
    }

    public synchronized long bytesWritten() {
        return bytes;
    }

    /** Whether any body bytes were written so far. */
    public synchronized boolean hasBody() {
        return bytes > 0;
    }

    /** The first value of a response header (canonical name), or null. */
    public synchronized String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    /** Replaces header {@code name}; callers check {@link #committed} first. */
    public synchronized void setHeader(String name, String value) {
        headers.put(HeaderNames.canonical(name), new ArrayList<>(List.of(value)));
    }

    public synchronized void addHeader(String name, String value) {
        headers.computeIfAbsent(HeaderNames.canonical(name), k -> new ArrayList<>()).add(value);
    }

    /** Removes header {@code name} and returns its first value (null when absent): a command for middleware. */
    public synchronized String takeHeader(String name) {
        List<String> v = headers.remove(HeaderNames.canonical(name));
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    public synchronized void removeHeader(String name) {
        headers.remove(HeaderNames.canonical(name));
    }

    public synchronized void setStatus(int code) {
        status = code;
    }

    /** Fixes status and headers (nothing is sent yet). */
    public synchronized void commit() {
        committed = true;
    }

    /** Appends body bytes (committing); after a flush they go straight to the client. */
    public synchronized void write(byte[] data) throws IOException {
        committed = true;
        if (finished) {
            throw new IOException("response already finished");
        }
        bytes += data.length;
        if (stream != null) {
            if (!head) {
                stream.write(data);
            }
        } else {
            buffer.writeBytes(data);
        }
    }

    /** Commits and sends what is buffered; the response is streamed from now on. */
    public synchronized void flush() throws IOException {
        committed = true;
        if (finished) {
            throw new IOException("response already finished");
        }
        if (stream == null) {
            openStream();
        }
        stream.flush();
    }

    /**
     * A plain error response (spec 07 §0), when nothing was committed yet: status, text type, nosniff, no earlier
     * Content-Length, body = message and a newline. False when it is too late for one.
     */
    public synchronized boolean plainError(int code, String message) {
        if (committed || finished) {
            return false;
        }
        headers.remove("Content-Length");
        headers.put(CONTENT_TYPE, new ArrayList<>(List.of("text/plain; charset=utf-8")));
        headers.put("X-Content-Type-Options", new ArrayList<>(List.of("nosniff")));
        status = code;
        buffer = new ByteArrayOutputStream();
        buffer.writeBytes((message + "\n").getBytes(StandardCharsets.UTF_8));
        bytes = buffer.size();
        committed = true;
        return true;
    }

    /** Replaces a response that nothing has reached the client of yet (middleware acting after the handler). */
    public synchronized boolean reset() {
        if (stream != null || finished) {
            return false;
        }
        headers.clear();
        status = 0;
        committed = false;
        buffer = new ByteArrayOutputStream();
        bytes = 0;
        return true;
    }

    /** Sends what is left; idempotent. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        try {
            if (stream == null && !"chunked".equalsIgnoreCase(header("Transfer-Encoding"))) {
                sendWhole();
            } else {
                if (stream == null) {
                    openStream();
                }
                stream.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            finished = true;
        }
    }

    public synchronized boolean finished() {
        return finished;
    }

    private void sendWhole() throws IOException {
        byte[] body = buffer.toByteArray();
        buffer = null;
        sniff(body, body.length);
        java.util.function.UnaryOperator<OutputStream> wrap = applyFilters(body);
        if (wrap != null) {
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            try (OutputStream o = wrap.apply(encoded)) {
                o.write(body);
            }
            body = encoded.toByteArray();
        }
        head();
        if (head) {
            wire.sendHead(body.length);
        } else {
            wire.send(body);
        }
    }

    private void openStream() throws IOException {
        byte[] pending = buffer.toByteArray();
        buffer = null;
        sniff(pending, pending.length);
        java.util.function.UnaryOperator<OutputStream> wrap = applyFilters(null);
        head();
        OutputStream out = wire.stream();
        stream = wrap == null ? out : wrap.apply(out);
        if (pending.length > 0 && !head) {
            stream.write(pending);
        }
    }

    private java.util.function.UnaryOperator<OutputStream> applyFilters(byte[] whole) {
        java.util.function.UnaryOperator<OutputStream> all = null;
        for (BodyFilter f : filters) {
            java.util.function.UnaryOperator<OutputStream> w = f.open(this, whole);
            if (w != null) {
                java.util.function.UnaryOperator<OutputStream> before = all;
                all = before == null ? w : o -> before.apply(w.apply(o));
            }
        }
        return all;
    }

    /** Without a type and with a body, the type is sniffed from the first bytes (preserved reference behaviour). */
    private void sniff(byte[] data, int length) {
        if (length > 0 && !headers.containsKey(CONTENT_TYPE)) {
            headers.put(CONTENT_TYPE, new ArrayList<>(List.of(ContentSniffer.detect(data, length))));
        }
    }

    private void head() {
        committed = true;
        wire.status(effectiveStatus());
        headers.forEach((name, values) -> {
            // framing is the server's: Content-Length for whole bodies, chunked for streams
            if (!name.equals("Transfer-Encoding") && !name.equals("Content-Length")) {
                wire.header(name, values.toArray(String[]::new));
            }
        });
    }
}
