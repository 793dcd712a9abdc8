package dev.wippy.observability.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The live pages: every {@value #TICK_MILLIS} ms, while a browser is connected, one thread takes a snapshot for
 * each distinct page being watched and offers it to the page's streams. Nothing here waits for a browser: each
 * stream has a small queue of its own and a writer thread, and a stream whose queue is full (a browser that does not
 * keep up) is dropped.
 */
final class Streams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.console");
    static final long TICK_MILLIS = 500;

    /** What a page shows now; null for an ID that no longer exists. */
    private final Function<EventStream.Key, Object> snapshots;
    private final ObjectMapper json;
    private final List<EventStream> streams = new CopyOnWriteArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    Streams(Function<EventStream.Key, Object> snapshots, ObjectMapper json) {
        this.snapshots = snapshots;
        this.json = json;
        this.sampler = Thread.ofPlatform().daemon().name("wippy-console").start(this::sample);
    }

    /** A stream that starts receiving at the next tick. */
    void add(EventStream s) {
        streams.add(s);
        synchronized (this) {
            notifyAll();
        }
    }

    void remove(EventStream s) {
        streams.remove(s);
    }

    int count() {
        return streams.size();
    }

    private void sample() {
        while (running) {
            try {
                synchronized (this) {
                    while (running && streams.isEmpty()) {
                        wait();
                    }
                }
                tick();
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a snapshot that failed (a database being closed, say) must not end the live pages
                LOG.debug("console snapshot failed: {}", e.toString());
            }
        }
    }

    private void tick() {
        Map<EventStream.Key, String> data = new HashMap<>();
        for (EventStream s : streams) {
            String event = data.computeIfAbsent(s.key(), this::render);
            if (!s.offer(event)) {
                LOG.atInfo().setMessage("console: dropped a browser that does not keep up")
                        .addKeyValue("page", s.key().page().slug()).addKeyValue("remote", s.remote()).log();
                streams.remove(s);
                s.close();
            }
        }
    }

    private String render(EventStream.Key key) {
        Object snapshot = snapshots.apply(key);
        try {
            return json.writeValueAsString(snapshot == null ? Map.of("gone", true) : snapshot);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        streams.forEach(EventStream::close);
        streams.clear();
    }
}
