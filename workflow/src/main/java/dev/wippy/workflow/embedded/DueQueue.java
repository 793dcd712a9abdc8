package dev.wippy.workflow.embedded;

import dev.wippy.runtime.sched.Carriers;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Work with a due time on the provider clock (timers, activity attempts and retries, delayed run starts,
 * timeouts): one thread waits for the earliest item and starts each on a virtual thread of its own when it falls
 * due. Items due at the same instant run in the order they were added.
 */
final class DueQueue {
    private final WorkflowClock clock;
    private final PriorityQueue<Item> items = new PriorityQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicLong order = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    DueQueue(WorkflowClock clock, String name) {
        this.clock = clock;
        clock.onJump(this::wake);
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    /** Runs {@code action} at {@code due} (at once if it is past); cancelling first skips it. */
    Cancel at(Instant due, Runnable action) {
        Item item = new Item(due, order.incrementAndGet(), action);
        lock.lock();
        try {
            items.add(item);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return () -> item.cancelled = true;
    }

    /** A scheduled item that has not run can be skipped. */
    @FunctionalInterface
    interface Cancel {
        void cancel();
    }

    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            Item next;
            lock.lock();
            try {
                next = items.peek();
                if (next == null) {
                    changed.await();
                    continue;
                }
                Duration wait = clock.untilDue(next.due);
                if (wait == null) {
                    changed.await();
                    continue;
                }
                if (wait.isPositive()) {
                    changed.awaitNanos(wait.toNanos());
                    continue;
                }
                items.poll();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (!next.cancelled) {
                Carriers.start("workflow due", next.action);
            }
        }
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    private static final class Item implements Comparable<Item> {
        final Instant due;
        final long order;
        final Runnable action;
        volatile boolean cancelled;

        Item(Instant due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        @Override
        public int compareTo(Item o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
