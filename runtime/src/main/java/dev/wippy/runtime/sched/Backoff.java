package dev.wippy.runtime.sched;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, as service restarts and call retries use it: wait {@code n} is
 * {@code min(initial × factor^(n−1), max)}, multiplied by a uniform factor in {@code [1 − jitter, 1 + jitter]}.
 */
public record Backoff(Duration initial, Duration max, double factor, double jitter) {

    /** Wait number {@code n} (1-based), before jitter. */
    public Duration delay(int n) {
        double nanos = initial.toNanos() * Math.pow(factor, n - 1);
        return Duration.ofNanos((long) Math.min(nanos, max.toNanos()));
    }

    /** Wait number {@code n} with jitter applied. */
    public Duration jittered(int n) {
        Duration d = delay(n);
        if (jitter <= 0) {
            return d;
        }
        return Duration.ofNanos((long) (d.toNanos() * (1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter))));
    }
}
