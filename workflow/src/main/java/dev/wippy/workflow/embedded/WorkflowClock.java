package dev.wippy.workflow.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The provider clock that timers, timeouts and retry delays are measured on (spec 05 §6 G5, G14). The system clock
 * for real runs; a manual clock for tests, so that a 720-hour timer takes milliseconds of test time.
 */
public abstract class WorkflowClock {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public abstract Instant now();

    /** How long to sleep at most before looking at the clock again for {@code deadline}; null: until woken. */
    abstract Duration untilDue(Instant deadline);

    /** Called whenever the clock jumps, so that waiters look again. */
    void onJump(Runnable listener) {
        listeners.add(listener);
    }

    void jumped() {
        listeners.forEach(Runnable::run);
    }

    /** The wall clock. */
    public static WorkflowClock system() {
        return new WorkflowClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            Duration untilDue(Instant deadline) {
                return Duration.between(Instant.now(), deadline);
            }
        };
    }

    /** A clock that stands still until a test moves it. */
    public static final class Manual extends WorkflowClock {
        private volatile Instant now;

        public Manual(Instant start) {
            this.now = start;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        Duration untilDue(Instant deadline) {
            return deadline.isAfter(now) ? null : Duration.ZERO;
        }

        /** Moves the clock forward; whatever fell due runs. */
        public void advance(Duration d) {
            now = now.plus(d);
            jumped();
        }
    }
}
