package dev.wippy.http.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off clients that take longer than the read timeout to send a request's head (slowloris): a connection is
 * watched from the first byte of a request until its headers are complete, and closed when that takes too long.
 * Idle keep-alive connections are the idle timeout's business, request bodies the handler's.
 */
final class SlowClients implements Http1ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.http");
    private final long limitNanos;
    private final Map<ConnectionContext, Long> reading = new ConcurrentHashMap<>();
    /**
     * Connections whose current request's head is complete: their bytes are body bytes until the next prologue.
     * Weak keys: a connection that ends is forgotten with it.
     */
    private final Map<ConnectionContext, Boolean> headComplete = Collections.synchronizedMap(new WeakHashMap<>());
    private final ScheduledFuture<?> sweeper;

    SlowClients(Duration limit, ScheduledExecutorService timers) {
        this.limitNanos = limit.toNanos();
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(100), limitNanos / 4);
        this.sweeper = timers.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public void data(ConnectionContext ctx, BufferData data) {
        if (!headComplete.containsKey(ctx)) {
            reading.putIfAbsent(ctx, System.nanoTime());
        }
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        headComplete.remove(ctx);
        reading.putIfAbsent(ctx, System.nanoTime());
    }

    @Override
    public void data(ConnectionContext ctx, byte[] bytes, int offset, int length) {
        data(ctx, (BufferData) null);
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        headComplete.put(ctx, Boolean.TRUE);
        reading.remove(ctx);
    }

    /** Closes the connections over the limit; one that fails to close does not stop the sweeps (nor the others). */
    private void sweep() {
        long now = System.nanoTime();
        reading.forEach((ctx, since) -> {
            if (now - since > limitNanos && reading.remove(ctx, since)) {
                headComplete.remove(ctx);
                try {
                    ctx.serverSocket().close();
                } catch (RuntimeException e) {
                    LOG.atDebug().setMessage("closing a slow connection failed: " + e).log();
                }
            }
        });
    }

    void close() {
        sweeper.cancel(false);
        reading.clear();
        headComplete.clear();
    }
}
