package dev.wippy.workflow.core;

import java.time.Duration;
import java.util.Map;

/**
 * Options of an activity call (spec 05 §4.10): {@code activity.<key>} and {@code temporal.activity.<key>} mean
 * the same, the first winning. Null durations are unlimited.
 */
public record ActivityOptions(Duration startToClose, Duration scheduleToClose, Duration scheduleToStart,
                              Duration heartbeat, String id, String taskQueue, RetryPolicy retryPolicy,
                              boolean waitForCancellation) {
    private static final Duration DEFAULT_START_TO_CLOSE = Duration.ofMinutes(10);

    /**
     * Reads the options of {@code values} (plain data by key).
     *
     * @throws OptionError for a value that cannot be used
     */
    public static ActivityOptions of(Map<String, Object> values) {
        Duration startToClose = duration(values, "start_to_close_timeout");
        RetryPolicy retry = RetryPolicy.of("activity.retry_policy", value(values, "retry_policy"));
        return new ActivityOptions(startToClose == null ? DEFAULT_START_TO_CLOSE : startToClose,
                duration(values, "schedule_to_close_timeout"), duration(values, "schedule_to_start_timeout"),
                duration(values, "heartbeat_timeout"),
                OptionValues.string("activity.id", value(values, "id")),
                OptionValues.string("activity.task_queue", value(values, "task_queue")),
                retry == null ? RetryPolicy.DEFAULT : retry,
                OptionValues.flag("activity.wait_for_cancellation", value(values, "wait_for_cancellation")));
    }

    private static Object value(Map<String, Object> values, String key) {
        Object v = values.get("activity." + key);
        return v != null ? v : values.get("temporal.activity." + key);
    }

    private static Duration duration(Map<String, Object> values, String key) {
        Duration d = OptionValues.duration("activity." + key, value(values, key));
        return d == null || d.isZero() ? null : d;
    }
}
