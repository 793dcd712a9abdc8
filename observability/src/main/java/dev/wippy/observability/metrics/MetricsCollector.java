package dev.wippy.observability.metrics;

import dev.wippy.runtime.metrics.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's collector (spec 08 §6.1): every recording is put in a bounded buffer and returns at once, dropped
 * when the buffer is full; one exporter thread applies them in batches of up to 100, at least every 100 ms. The
 * exporter is woken early only when a whole batch is waiting: waking it for every recording cost a thread switch
 * per HTTP request or function call.
 */
public final class MetricsCollector implements Collector, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.metrics");
    public static final int DEFAULT_BUFFER = 10_000;
    private static final int BATCH = 100;
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ArrayBlockingQueue<Recording> buffer;
    private final Families families;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    /** Recordings in the buffer, kept beside it so that producers need not lock it to count. */
    private final AtomicInteger waiting = new AtomicInteger();
    /** Recordings applied so far; written by the exporter only. */
    private volatile long applied;
    private final Thread exporter;
    private volatile boolean running = true;

    public MetricsCollector(PrometheusRegistry registry, int bufferSize) {
        this.buffer = new ArrayBlockingQueue<>(bufferSize <= 0 ? DEFAULT_BUFFER : bufferSize);
        this.families = new Families(registry);
        this.exporter = Thread.ofPlatform().daemon().name("wippy-metrics").start(this::export);
    }

    @Override
    public void counterAdd(String name, double value, Map<String, String> labels) {
        offer(new Recording(Recording.Kind.COUNTER_ADD, name, value, labels));
    }

    @Override
    public void gaugeSet(String name, double value, Map<String, String> labels) {
        offer(new Recording(Recording.Kind.GAUGE_SET, name, value, labels));
    }

    @Override
    public void gaugeAdd(String name, double delta, Map<String, String> labels) {
        offer(new Recording(Recording.Kind.GAUGE_ADD, name, delta, labels));
    }

    @Override
    public void histogram(String name, double value, Map<String, String> labels) {
        offer(new Recording(Recording.Kind.HISTOGRAM, name, value, labels));
    }

    /** Recordings dropped because the buffer was full. */
    public long dropped() {
        return dropped.sum();
    }

    private void offer(Recording r) {
        if (buffer.offer(r)) {
            accepted.increment();
            if (waiting.incrementAndGet() == BATCH) {
                LockSupport.unpark(exporter);
            }
        } else {
            dropped.increment();
        }
    }

    private void export() {
        List<Recording> batch = new ArrayList<>(BATCH);
        while (running || !buffer.isEmpty()) {
            if (running && waiting.get() < BATCH) {
                LockSupport.parkNanos(this, PERIOD_NANOS);
            }
            int n;
            while ((n = buffer.drainTo(batch, BATCH)) > 0) {
                waiting.addAndGet(-n);
                for (Recording r : batch) {
                    apply(r);
                }
                batch.clear();
            }
        }
    }

    /** Applies one recording; a failure is logged and the exporter goes on with the next one. */
    private void apply(Recording r) {
        try {
            families.apply(r);
        } catch (RuntimeException e) {
            LOG.warn("metric {} not recorded: {}", r.name(), e.toString());
        } finally {
            applied++;
        }
    }

    /** Waits until what was recorded so far is applied (at most {@code millis}), so that a scrape shows it. */
    public void flush(long millis) {
        long target = accepted.sum();
        LockSupport.unpark(exporter);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (applied < target && System.nanoTime() < end) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(exporter);
    }
}
