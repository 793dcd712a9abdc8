package dev.wippy.observability.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The live pages never wait for a browser: one that stops reading is dropped while the others keep receiving. */
class StreamsTest {
    private static final EventStream.Key PROCESSES = new EventStream.Key(Page.PROCESSES, null, "");

    @Test
    void aBrowserThatStopsReadingIsDroppedWhileAnotherKeepsReceiving() throws Exception {
        AtomicLong tick = new AtomicLong();
        try (Streams streams = new Streams(key -> Map.of("tick", tick.incrementAndGet()), new ObjectMapper())) {
            OpenPage stuck = new OpenPage(new StuckSocket());
            OpenPage reading = new OpenPage(new ReadingSocket());
            stuck.open(streams);
            reading.open(streams);

            assertThat(stuck.ended.await(10, TimeUnit.SECONDS)).as("the stuck browser is dropped").isTrue();
            assertThat(streams.count()).isEqualTo(1);
            ReadingSocket socket = (ReadingSocket) reading.socket;
            // the other was dropped at the fifth tick, when its queue of four was full; this one got all five
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (socket.events() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            int eventsAtDrop = socket.events();
            assertThat(eventsAtDrop).as("the reading browser got every tick meanwhile").isGreaterThanOrEqualTo(5);

            Thread.sleep(3 * Streams.TICK_MILLIS);
            assertThat(socket.events()).as("and keeps getting them after the drop").isGreaterThan(eventsAtDrop);
            assertThat(reading.ended.getCount()).isEqualTo(1);
        }
    }

    /** One page open in a browser: an event stream over a fake exchange, written on a thread of its own. */
    private static final class OpenPage {
        final OutputStream socket;
        final CountDownLatch ended = new CountDownLatch(1);

        OpenPage(OutputStream socket) {
            this.socket = socket;
        }

        void open(Streams streams) {
            EventStream s = new EventStream(PROCESSES, new Exchange(socket));
            streams.add(s);
            Thread.ofVirtual().start(() -> s.run(() -> {
                streams.remove(s);
                ended.countDown();
            }));
        }
    }

    /** A socket whose peer never reads: every write blocks until the exchange is closed. */
    private static final class StuckSocket extends OutputStream {
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void write(int b) throws IOException {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("closed");
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** A socket whose peer reads everything: counts the events written. */
    private static final class ReadingSocket extends OutputStream {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            text.append((char) b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            text.append(new String(b, off, len, StandardCharsets.UTF_8));
        }

        synchronized int events() {
            return text.toString().split("data: ", -1).length - 1;
        }
    }

    /** The part of an exchange that an event stream uses; closing it closes the socket. */
    private static final class Exchange extends HttpExchange {
        private final Headers responseHeaders = new Headers();
        private final OutputStream body;

        Exchange(OutputStream body) {
            this.body = body;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public void sendResponseHeaders(int code, long length) {
        }

        @Override
        public OutputStream getResponseBody() {
            return body;
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return new InetSocketAddress("127.0.0.1", 50000);
        }

        @Override
        public Headers getRequestHeaders() {
            return new Headers();
        }

        @Override
        public URI getRequestURI() {
            return URI.create("/events/processes");
        }

        @Override
        public String getRequestMethod() {
            return "GET";
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public InputStream getRequestBody() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public int getResponseCode() {
            return 200;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return new InetSocketAddress("127.0.0.1", 8090);
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
