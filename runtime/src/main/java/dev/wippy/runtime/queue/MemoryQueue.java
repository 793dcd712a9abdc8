package dev.wippy.runtime.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One queue of the memory driver: ready messages in FIFO order bounded by {@code max_length}, publishers waiting
 * in FIFO order while it is full, and subscribers served round-robin within their prefetch credit. A nacked
 * message goes to the back of the queue, so a message that keeps failing does not hold up the others; it is
 * requeued even when the queue is full, since it was accepted once and must not be lost.
 *
 * <p>Everything is guarded by one lock; sinks are called after it is released, because a consumer starts a
 * handler from its sink.
 */
final class MemoryQueue implements DriverQueue {
    private static final CompletableFuture<Void> ACCEPTED = CompletableFuture.completedFuture(null);

    private final String name;
    private final int maxLength;
    private final MemoryDriver driver;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Stored> ready = new ArrayDeque<>();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private int nextSubscriber;
    private long inFlight;
    private long published;
    private long acked;
    private long nacked;

    /** A message held by the queue and how often it has been delivered. */
    private static final class Stored {
        final Envelope envelope;
        int deliveries;

        Stored(Envelope envelope) {
            this.envelope = envelope;
        }
    }

    /** A publisher waiting for room; cancelling {@code admitted} withdraws its message. */
    private record Waiting(Stored message, CompletableFuture<Void> admitted) {}

    private static final class Subscriber implements Subscription {
        final MemoryQueue queue;
        final Sink sink;
        int credit;

        Subscriber(MemoryQueue queue, Sink sink, int credit) {
            this.queue = queue;
            this.sink = sink;
            this.credit = credit;
        }

        @Override
        public void cancel() {
            queue.lock.lock();
            try {
                queue.subscribers.remove(this);
            } finally {
                queue.lock.unlock();
            }
        }
    }

    private static final class MemoryDelivery implements Delivery {
        final MemoryQueue queue;
        final Subscriber subscriber;
        final Stored message;
        final int attempt;
        boolean settled;

        MemoryDelivery(MemoryQueue queue, Subscriber subscriber, Stored message) {
            this.queue = queue;
            this.subscriber = subscriber;
            this.message = message;
            this.attempt = message.deliveries;
        }

        @Override
        public Envelope envelope() {
            return message.envelope;
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public boolean ack() {
            return queue.settle(this, Settle.ACK);
        }

        @Override
        public boolean nack() {
            return queue.settle(this, Settle.NACK);
        }

        @Override
        public boolean release() {
            return queue.settle(this, Settle.RELEASE);
        }
    }

    private enum Settle { ACK, NACK, RELEASE }

    MemoryQueue(String name, int maxLength, MemoryDriver driver) {
        this.name = name;
        this.maxLength = maxLength;
        this.driver = driver;
    }

    int maxLength() {
        return maxLength;
    }

    @Override
    public CompletableFuture<Void> publish(Envelope message) {
        List<MemoryDelivery> out;
        lock.lock();
        try {
            if (!driver.running()) {
                return CompletableFuture.failedFuture(notRunning());
            }
            Stored m = new Stored(message);
            if (ready.size() >= maxLength) {
                Waiting w = new Waiting(m, new CompletableFuture<>());
                waiting.add(w);
                return w.admitted();
            }
            ready.add(m);
            published++;
            out = dispatch();
        } finally {
            lock.unlock();
        }
        handOut(out);
        return ACCEPTED;
    }

    @Override
    public Subscription subscribe(int prefetch, Sink sink) {
        Subscriber s = new Subscriber(this, sink, prefetch);
        List<MemoryDelivery> out;
        lock.lock();
        try {
            subscribers.add(s);
            out = dispatch();
        } finally {
            lock.unlock();
        }
        handOut(out);
        return s;
    }

    @Override
    public Map<String, Object> info() {
        lock.lock();
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("queue_name", name);
            m.put("message_count", (long) ready.size());
            m.put("in_flight", inFlight);
            m.put("consumer_count", (long) subscribers.size());
            m.put("max_length", (long) maxLength);
            m.put("published", published);
            m.put("acked", acked);
            m.put("nacked", nacked);
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** The driver stopped: waiting publishers fail rather than wait for ever. */
    void refuseWaiting() {
        lock.lock();
        try {
            for (Waiting w; (w = waiting.poll()) != null; ) {
                w.admitted().completeExceptionally(notRunning());
            }
        } finally {
            lock.unlock();
        }
    }

    private IllegalStateException notRunning() {
        return new IllegalStateException("queue driver " + driver.id() + " is not running");
    }

    private boolean settle(MemoryDelivery d, Settle how) {
        List<MemoryDelivery> out;
        lock.lock();
        try {
            if (d.settled) {
                return false;
            }
            d.settled = true;
            inFlight--;
            d.subscriber.credit++;
            switch (how) {
                case ACK -> acked++;
                case NACK -> {
                    nacked++;
                    ready.add(d.message);
                }
                case RELEASE -> {
                    d.message.deliveries--;
                    ready.add(d.message);
                }
            }
            out = dispatch();
        } finally {
            lock.unlock();
        }
        handOut(out);
        return true;
    }

    /**
     * Admits waiting publishers while there is room and delivers ready messages while a subscriber has credit
     * (lock held). Returns the deliveries to hand out once the lock is released, or null.
     */
    private List<MemoryDelivery> dispatch() {
        List<MemoryDelivery> out = null;
        while (true) {
            while (ready.size() < maxLength && !waiting.isEmpty()) {
                Waiting w = waiting.poll();
                if (w.admitted().complete(null)) {
                    ready.add(w.message());
                    published++;
                }
            }
            if (ready.isEmpty()) {
                return out;
            }
            Subscriber s = withCredit();
            if (s == null) {
                return out;
            }
            Stored m = ready.poll();
            m.deliveries++;
            s.credit--;
            inFlight++;
            if (out == null) {
                out = new ArrayList<>(4);
            }
            out.add(new MemoryDelivery(this, s, m));
        }
    }

    /** The next subscriber in round-robin order that may take a delivery, or null. */
    private Subscriber withCredit() {
        int n = subscribers.size();
        for (int i = 0; i < n; i++) {
            int k = (nextSubscriber + i) % n;
            Subscriber s = subscribers.get(k);
            if (s.credit > 0) {
                nextSubscriber = (k + 1) % n;
                return s;
            }
        }
        return null;
    }

    private static void handOut(List<MemoryDelivery> out) {
        if (out != null) {
            for (MemoryDelivery d : out) {
                d.subscriber.sink.deliver(d);
            }
        }
    }
}
