package dev.wippy.runtime.sched;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The carrier threads that run the virtual threads of processes and fibers. A virtual thread made runnable by
 * code running on a carrier is queued on that same carrier: when a process sends to a blocked process and then
 * blocks itself, the receiver runs next on the same core without waking another OS thread (the JDK's default
 * scheduler wakes an idle carrier for every such hand-off, which costs more than the Lua work of a message).
 * Idle carriers are woken only when a carrier has queued work beyond the next task, and they steal it.
 *
 * <p>Needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} (the JDK has no public API for a virtual thread
 * scheduler yet); without it {@link #virtualThreads()} falls back to the default scheduler.
 */
public final class Carriers implements Executor {
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int INJECTED_TURN = 61;
    private static final int BACKLOG_LIMIT = 4096;
    private static final Logger LOG = LoggerFactory.getLogger("wippy.sched");
    private static final VarHandle CARRIER = carrierField();
    private static final ThreadFactory THREADS = threadsOnCarriers();

    private final Carrier[] carriers;
    private final ConcurrentLinkedQueue<Runnable> injected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Carrier> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    private Carriers(int n) {
        carriers = new Carrier[n];
        for (int i = 0; i < n; i++) {
            carriers[i] = new Carrier(this, i);
        }
        for (Carrier c : carriers) {
            c.start();
        }
    }

    /** Makes (unstarted) virtual threads that run on the shared carriers, or on the JDK's when ours are unavailable. */
    public static ThreadFactory threads() {
        return THREADS;
    }

    /** Starts {@code body} on a new virtual thread named {@code name}. */
    public static Thread start(String name, Runnable body) {
        Thread t = THREADS.newThread(body);
        t.setName(name);
        t.start();
        return t;
    }

    private static ThreadFactory threadsOnCarriers() {
        Thread.Builder.OfVirtual builder = Thread.ofVirtual();
        if (CARRIER != null) {
            try {
                Class<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
                Constructor<?> ctor = c.getDeclaredConstructor(Executor.class);
                ctor.setAccessible(true);
                Carriers pool = new Carriers(Runtime.getRuntime().availableProcessors());
                builder = (Thread.Builder.OfVirtual) ctor.newInstance(pool);
            } catch (ReflectiveOperationException | RuntimeException e) {
                builder = Thread.ofVirtual();
            }
        }
        return builder.uncaughtExceptionHandler(Carriers::uncaught).factory();
    }

    /** Executions catch their own failures; whatever still escapes a thread is logged, never printed raw. */
    private static void uncaught(Thread t, Throwable e) {
        LOG.atError().addKeyValue("thread", t.getName()).addKeyValue("cause", String.valueOf(e))
                .log("thread ended by an uncaught failure");
        LOG.atDebug().setCause(e).log("uncaught failure in {}", t.getName());
    }

    private static VarHandle carrierField() {
        try {
            Class<?> vt = Class.forName("java.lang.VirtualThread");
            return MethodHandles.privateLookupIn(vt, MethodHandles.lookup()).findVarHandle(vt, "carrierThread",
                    Thread.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The carrier the calling code runs on, if it is one of ours. */
    private Carrier currentCarrier() {
        Thread t = Thread.currentThread();
        if (t.isVirtual() && CARRIER != null) {
            t = (Thread) CARRIER.getVolatile(t);
        }
        return t instanceof Carrier c && c.pool == this ? c : null;
    }

    @Override
    public void execute(Runnable task) {
        Carrier here = currentCarrier();
        if (here != null) {
            here.local.addLast(task);
            if (here.backlog.incrementAndGet() > 1) {
                wakeOne();
            }
        } else {
            injected.add(task);
            wakeOne();
        }
    }

    private void wakeOne() {
        if (idleCount.get() > 0) {
            Carrier c = idle.poll();
            if (c != null) {
                idleCount.decrementAndGet();
                LockSupport.unpark(c);
            }
        }
    }

    private Runnable steal(Carrier thief) {
        for (int i = 1; i < carriers.length; i++) {
            Runnable t = carriers[(thief.index + i) % carriers.length].take();
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * Slows a process that starts processes in a loop in proportion to the work already queued on its carrier, so
     * that the other carriers (which steal from that queue) keep up instead of the queue, and the states of all
     * the queued processes, growing without bound. Past a large backlog it lets the queued work run first.
     */
    public static void yieldIfBacklogged() {
        Thread t = Thread.currentThread();
        if (!t.isVirtual() || CARRIER == null || !(CARRIER.getVolatile(t) instanceof Carrier c)) {
            return;
        }
        int backlog = c.backlog.get();
        if (backlog > BACKLOG_LIMIT) {
            Thread.yield();
            return;
        }
        for (int i = 0; i < backlog; i++) {
            Thread.onSpinWait();
        }
    }

    /** One OS thread running virtual threads: its own queue first, then injected work, then stealing. */
    private static final class Carrier extends Thread {
        final Carriers pool;
        final int index;
        final ConcurrentLinkedDeque<Runnable> local = new ConcurrentLinkedDeque<>();
        /** Tasks in {@link #local}; the deque's own size() walks the whole queue. */
        final AtomicInteger backlog = new AtomicInteger();
        private int turns;

        Carrier(Carriers pool, int index) {
            super("wippy-carrier-" + index);
            this.pool = pool;
            this.index = index;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                Runnable task = next();
                if (task == null) {
                    pool.idle.add(this);
                    pool.idleCount.incrementAndGet();
                    task = next();
                    if (task == null) {
                        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                    }
                    if (pool.idle.remove(this)) {
                        pool.idleCount.decrementAndGet();
                    }
                    if (task == null) {
                        continue;
                    }
                }
                try {
                    task.run();
                } catch (Throwable ignored) {
                    // a virtual thread's failures are its own; the carrier goes on
                }
            }
        }

        Runnable take() {
            Runnable t = local.pollFirst();
            if (t != null) {
                backlog.decrementAndGet();
            }
            return t;
        }

        private Runnable next() {
            // now and then injected work (timers, other threads) goes first, so a carrier whose own queue never
            // empties (busy processes yielding to each other) cannot starve it
            if (++turns % INJECTED_TURN == 0) {
                Runnable injected = pool.injected.poll();
                if (injected != null) {
                    return injected;
                }
            }
            Runnable t = take();
            if (t == null) {
                t = pool.injected.poll();
            }
            if (t == null) {
                t = pool.steal(this);
            }
            return t;
        }
    }
}
