package dev.wippy.observability.console;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One browser's Server-Sent Events stream of one page: snapshots wait in a queue of {@value #QUEUE} and a virtual
 * thread of its own writes them. The producer never blocks: {@link #offer} fails when the queue is full, and the
 * caller then drops the stream, whose writes (perhaps stuck on a full socket) fail once it is closed.
 */
final class EventStream {
    private static final int QUEUE = 4;
    private static final String CLOSED = "";

    /** What the stream shows: a page, its ID and its search text. */
    record Key(Page page, String id, String query) {}

    private final Key key;
    private final HttpExchange exchange;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE + 1);
    private volatile boolean closed;

    EventStream(Key key, HttpExchange exchange) {
        this.key = key;
        this.exchange = exchange;
    }

    Key key() {
        return key;
    }

    String remote() {
        return String.valueOf(exchange.getRemoteAddress());
    }

    /** Queues a snapshot (JSON); false when the browser is {@value #QUEUE} snapshots behind. */
    boolean offer(String json) {
        return !closed && queue.size() < QUEUE && queue.offer(json);
    }

    /** Writes queued snapshots until the stream is closed or the browser goes away; runs on its own thread. */
    void run(Runnable onEnd) {
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closed) {
                String next = queue.take();
                if (closed || next == CLOSED) {
                    break;
                }
                out.write(("data: " + next + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the browser went away, or the stream was dropped
        } finally {
            closed = true;
            onEnd.run();
            exchange.close();
        }
    }

    void close() {
        closed = true;
        queue.offer(CLOSED);
        exchange.close();
    }
}
