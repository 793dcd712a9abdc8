package dev.wippy.runtime.queue;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.funcs.Functions;
import dev.wippy.runtime.process.ExitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code queue.consumer} (spec 04 §2, §5): the driver fills a buffer with at most {@code prefetch} unsettled
 * deliveries, {@code concurrency} workers take from it and run the handler function on each, and every settlement
 * lets the driver deliver the next message. With all workers busy and the buffer full the driver holds further
 * messages back, its queue fills up, and a bounded queue makes publishers wait.
 *
 * <p>A worker is not a thread: it is a slot that runs one handler invocation at a time and takes the next
 * buffered delivery when its invocation completes, on the thread that completed it. Each start of the consumer is
 * a {@link Run} of its own, so callbacks of a stopped run cannot touch the next one.
 */
public final class Consumer {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.queue");

    private final ConsumerSettings settings;
    private final QueueDefinition queue;
    private final Functions functions;
    private Run run;
    private Run last;

    /** What a run of the consumer did, for logs and tests. */
    public record Stats(long handled, int maxInFlight, int maxBusy, long[] handledPerWorker) {}

    Consumer(ConsumerSettings settings, QueueDefinition queue, Functions functions) {
        this.settings = settings;
        this.queue = queue;
        this.functions = functions;
    }

    public String id() {
        return settings.id();
    }

    /** The queue this consumer takes from. */
    public String queueId() {
        return settings.queue();
    }

    ConsumerSettings settings() {
        return settings;
    }

    public synchronized boolean running() {
        return run != null;
    }

    /**
     * Subscribes to the queue; nothing happens when it runs already.
     *
     * @throws IllegalStateException when the queue's driver does not run
     */
    public synchronized void start() {
        if (run != null) {
            return;
        }
        if (!queue.driver().running()) {
            throw new IllegalStateException("queue driver " + queue.driver().id() + " of " + queue.id()
                    + " is not running");
        }
        Run r = new Run();
        run = r;
        last = r;
        r.subscription = queue.backend().subscribe(settings.prefetch(), r::deliver);
    }

    /**
     * Graceful stop (spec 04 §5): no new deliveries; buffered messages nobody started go back to the queue
     * uncounted; handlers that run get the stop timeout to finish, then they are canceled and their messages go
     * back to the queue as well.
     *
     * @return false when handlers had to be canceled (the error is logged)
     */
    public boolean stop() {
        Run r;
        synchronized (this) {
            r = run;
            run = null;
        }
        return r == null || r.stop();
    }

    /** The figures of the current run, or of the last one when the consumer is stopped; null before any. */
    public synchronized Stats stats() {
        return last == null ? null : last.stats();
    }

    /** One start-to-stop period: its buffer, workers and figures, all guarded by the run's monitor. */
    private final class Run {
        final ArrayDeque<Settlement> buffer = new ArrayDeque<>();
        final ArrayDeque<Worker> idle = new ArrayDeque<>();
        final List<Worker> workers = new ArrayList<>();
        final CompletableFuture<Void> drained = new CompletableFuture<>();
        DriverQueue.Subscription subscription;
        int busy;
        int inFlight;
        int maxInFlight;
        int maxBusy;
        boolean stopping;

        Run() {
            for (int i = 0; i < settings.concurrency(); i++) {
                Worker w = new Worker(this);
                workers.add(w);
                idle.add(w);
            }
        }

        /** The driver's sink: an idle worker takes the delivery, else it waits in the buffer. */
        void deliver(Delivery d) {
            Settlement s = new Settlement(d, queue, this::settled);
            Worker w = null;
            boolean late;
            synchronized (this) {
                inFlight++;
                maxInFlight = Math.max(maxInFlight, inFlight);
                late = stopping;
                if (!late) {
                    w = idle.poll();
                    if (w == null) {
                        buffer.add(s);
                        return;
                    }
                    busy++;
                    maxBusy = Math.max(maxBusy, busy);
                }
            }
            if (late) {
                // handed out just before the subscription was cancelled
                s.release();
            } else {
                w.work(s);
            }
        }

        synchronized void settled() {
            inFlight--;
        }

        /** Counts the delivery {@code w} finished and returns its next one, or null after it went idle. */
        synchronized Settlement next(Worker w) {
            w.handled++;
            Settlement s = stopping ? null : buffer.poll();
            if (s == null) {
                busy--;
                idle.add(w);
                if (stopping && busy == 0) {
                    drained.complete(null);
                }
            }
            return s;
        }

        synchronized boolean stopping() {
            return stopping;
        }

        boolean stop() {
            subscription.cancel();
            List<Settlement> unstarted;
            synchronized (this) {
                stopping = true;
                unstarted = new ArrayList<>(buffer);
                buffer.clear();
                if (busy == 0) {
                    drained.complete(null);
                }
            }
            unstarted.forEach(Settlement::release);
            try {
                drained.get(settings.stopTimeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                int canceled = 0;
                for (Worker w : workers) {
                    if (w.cancel()) {
                        canceled++;
                    }
                }
                LOG.atError().setMessage("consumer stopped with " + canceled + " handlers still running after the "
                        + "stop timeout; they were canceled and their messages returned to the queue")
                        .addKeyValue("consumer", settings.id()).addKeyValue("stop_timeout", settings.stopTimeout())
                        .log();
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Stats st = stats();
            LOG.atInfo().setMessage("consumer stopped").addKeyValue("consumer", settings.id())
                    .addKeyValue("handled", st.handled()).addKeyValue("max_in_flight", st.maxInFlight())
                    .addKeyValue("max_busy", st.maxBusy()).log();
            return true;
        }

        synchronized Stats stats() {
            long[] perWorker = new long[workers.size()];
            long total = 0;
            for (int i = 0; i < perWorker.length; i++) {
                perWorker[i] = workers.get(i).handled;
                total += perWorker[i];
            }
            return new Stats(total, maxInFlight, maxBusy, perWorker);
        }
    }

    /** Runs the handler on one delivery after another. {@code handled} is guarded by the run's monitor. */
    private final class Worker {
        final Run run;
        long handled;
        private volatile Functions.Invocation invocation;

        Worker(Run run) {
            this.run = run;
        }

        /**
         * Handles {@code first} and whatever the buffer holds after it. Handlers that complete at once are looped
         * over here; the others continue in their completion callback, so the stack never grows.
         */
        void work(Settlement first) {
            Settlement s = first;
            while (s != null) {
                CompletableFuture<ExitResult> outcome = begin(s);
                if (!outcome.isDone()) {
                    Settlement current = s;
                    outcome.whenComplete((r, failure) -> {
                        Settlement next = end(current, r, failure);
                        if (next != null) {
                            work(next);
                        }
                    });
                    return;
                }
                s = end(s, outcome.join(), null);
            }
        }

        private CompletableFuture<ExitResult> begin(Settlement s) {
            if (settings.autoAck()) {
                s.ack();
            }
            Object body;
            try {
                body = queue.codec().decode(s.delivery().envelope().body());
            } catch (IOException e) {
                return CompletableFuture.completedFuture(new ExitResult(null, ErrorObject.of(ErrorObject.INVALID,
                        "cannot decode the message body as " + queue.codec().name() + ": " + e.getMessage())));
            }
            Functions.Invocation inv = functions.invoke(settings.function(), new Object[] {body},
                    Map.of(QueueModule.MESSAGE_KEY, new MessageValue(s)));
            invocation = inv;
            return inv.outcome();
        }

        /** Settles by the handler's outcome (spec 04 §3) and returns the next delivery to handle, if any. */
        private Settlement end(Settlement s, ExitResult r, Throwable failure) {
            invocation = null;
            ErrorObject error = r != null ? r.error()
                    : ErrorObject.of(ErrorObject.INTERNAL, "handler invocation failed: " + failure);
            if (error != null && error.kind().equals(ErrorObject.CANCELED) && run.stopping()) {
                // canceled by the stop timeout: not the message's fault, so the delivery does not count
                s.release();
            } else if (error != null) {
                failed(s, error.fullText());
            } else if (Boolean.FALSE.equals(r.value())) {
                failed(s, "handler returned false");
            } else {
                s.ack();
            }
            return run.next(this);
        }

        private void failed(Settlement s, String error) {
            if (settings.autoAck()) {
                LOG.atWarn().setMessage("handler failed on an auto-acked message").addKeyValue("consumer",
                        settings.id()).addKeyValue("message", s.delivery().envelope().id())
                        .addKeyValue("error", error).log();
            } else if (s.nack(error)) {
                LOG.atDebug().setMessage("handler failed; message nacked").addKeyValue("consumer", settings.id())
                        .addKeyValue("message", s.delivery().envelope().id()).addKeyValue("error", error).log();
            }
        }

        /** Cancels the running handler; false when there is none. */
        boolean cancel() {
            Functions.Invocation inv = invocation;
            if (inv == null) {
                return false;
            }
            inv.cancel();
            return true;
        }
    }
}
