package dev.wippy.runtime.funcs;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many invocations of one function entry run at once (spec 03 §3.2.4). A worker is a permit; a waiting
 * invocation leaves the queue when it is cancelled. {@code inline} has no limit.
 */
final class Pool {
    private static final int DEFAULT_WORKERS = 8;
    private static final int DEFAULT_MAX_SIZE = 16;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Semaphore permits;
    /** Running plus waiting invocations of a static pool: when its queue is full, callers wait to get in. */
    private final Semaphore places;

    private Pool(int size, int buffer) {
        this.permits = size <= 0 ? null : new Semaphore(size, true);
        this.places = buffer <= 0 ? null : new Semaphore(size + buffer, true);
    }

    static Pool of(Entry e) {
        String type = e.string("pool.type");
        boolean sized = e.field("pool.workers") != null || e.field("pool.size") != null;
        if (type == null) {
            type = sized ? "static" : "lazy";
        }
        return switch (type) {
            case "inline" -> new Pool(0, 0);
            case "static" -> {
                int workers = positive(e, "pool.workers", (int) e.integer("pool.size", DEFAULT_WORKERS));
                yield new Pool(workers, positive(e, "pool.buffer", workers * 64));
            }
            case "lazy", "adaptive" -> new Pool(positive(e, "pool.max_size", DEFAULT_MAX_SIZE), 0);
            default -> throw BootException.at(e, "unknown pool type '" + type
                    + "' (inline, static, lazy or adaptive)");
        };
    }

    private static int positive(Entry e, String path, int otherwise) {
        long n = e.integer(path, otherwise);
        if (n < 1) {
            throw BootException.at(e, path + " must be at least 1");
        }
        return (int) n;
    }

    /** Called by the caller before an invocation exists: blocks while a static pool's queue is full. */
    void enter() {
        if (places != null) {
            places.acquireUninterruptibly();
        }
    }

    /** The invocation that {@link #enter} let in has ended. */
    void leave() {
        if (places != null) {
            places.release();
        }
    }

    /** Waits for a worker; gives up (throwing) when the invocation is cancelled while it waits. */
    void acquire(Scheduler invocation) {
        if (permits == null) {
            return;
        }
        try {
            while (!permits.tryAcquire(POLL_NANOS, TimeUnit.NANOSECONDS)) {
                invocation.checkpoint();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Killed("interrupted while waiting for a worker", null);
        }
    }

    void release() {
        if (permits != null) {
            permits.release();
        }
    }
}
