package dev.wippy.http.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The requests a server is working on, so that a stop can wait for them and then cut the rest short. */
final class InFlight {
    private final Set<Exchange> running = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();

    void enter(Exchange x) {
        running.add(x);
    }

    void exit(Exchange x) {
        running.remove(x);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Waits until none runs or {@code nanos} pass; true when none runs. */
    boolean awaitIdle(long nanos) {
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return running.isEmpty();
                }
            }
        }
        return true;
    }

    Set<Exchange> running() {
        return Set.copyOf(running);
    }
}
