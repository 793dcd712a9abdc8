package dev.wippy.workflow.core;

import dev.wippy.runtime.errors.ErrorObject;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A retry policy of spec 05 §3.6, for activities and workflow runs: delays grow by the coefficient up to the
 * maximum; attempts stop at {@code maximumAttempts} (0 = unlimited) or at a non-retryable error.
 */
public record RetryPolicy(Duration initialInterval, double backoffCoefficient, Duration maximumInterval,
                          long maximumAttempts, Set<String> nonRetryableKinds) {
    /** The activity default: retried with the default delays, without limit. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(100),
            0, Set.of());

    /** Never retried: workflow runs without a policy. */
    public static final RetryPolicy NONE = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(100), 1,
            Set.of());

    /**
     * The policy of a table given as plain data; null when absent.
     *
     * @throws OptionError for a coefficient below 1, negative values, or a maximum below the initial interval
     */
    public static RetryPolicy of(String key, Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> t = OptionValues.map(key, value);
        Duration initial = OptionValues.duration(key + ".initial_interval", t.get("initial_interval"));
        if (initial == null) {
            initial = DEFAULT.initialInterval;
        }
        double coefficient = OptionValues.number(key + ".backoff_coefficient", t.get("backoff_coefficient"), 2.0);
        if (coefficient < 1) {
            throw new OptionError(key + ".backoff_coefficient must be at least 1");
        }
        Duration maximum = OptionValues.duration(key + ".maximum_interval", t.get("maximum_interval"));
        if (maximum == null) {
            maximum = initial.multipliedBy(100);
        } else if (maximum.compareTo(initial) < 0) {
            throw new OptionError(key + ".maximum_interval must not be below initial_interval");
        }
        double attempts = OptionValues.number(key + ".maximum_attempts", t.get("maximum_attempts"), 0);
        if (attempts < 0 || attempts != Math.floor(attempts)) {
            throw new OptionError(key + ".maximum_attempts must be a non-negative integer");
        }
        Set<String> kinds = Set.copyOf(OptionValues.strings(key + ".non_retryable_error_types",
                t.get("non_retryable_error_types")));
        return new RetryPolicy(initial, coefficient, maximum, (long) attempts, kinds);
    }

    /** Rule 1: the delay before attempt {@code attempt + 1}. */
    public Duration delayAfter(long attempt) {
        double nanos = initialInterval.toNanos() * Math.pow(backoffCoefficient, attempt - 1);
        return nanos >= maximumInterval.toNanos() ? maximumInterval : Duration.ofNanos((long) nanos);
    }

    /** Rule 2 and the attempt limit: whether attempt {@code attempt}, failed with {@code error}, is retried. */
    public boolean retries(ErrorObject error, long attempt) {
        if (Boolean.FALSE.equals(error.retryable()) || nonRetryableKinds.contains(error.kind())) {
            return false;
        }
        return maximumAttempts == 0 || attempt < maximumAttempts;
    }
}
