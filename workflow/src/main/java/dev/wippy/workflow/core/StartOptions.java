package dev.wippy.workflow.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Start options of a workflow (spec 05 §3.4), read from {@code temporal.workflow.*} keys. Null durations mean
 * unlimited (or none); keys of other prefixes belong to others, unknown keys of this prefix are warned about.
 */
public record StartOptions(String id, String taskQueue, Duration executionTimeout, Duration runTimeout,
                           ConflictPolicy conflictPolicy, ReusePolicy reusePolicy, boolean errorWhenStarted,
                           RetryPolicy retryPolicy, String cron, Map<String, Object> memo,
                           Map<String, Object> searchAttributes, Duration startDelay,
                           ParentClosePolicy parentClosePolicy, boolean waitForCancellation) {
    static final String PREFIX = "temporal.workflow.";
    private static final Set<String> KNOWN = Set.of("id", "task_queue", "namespace", "execution_timeout",
            "run_timeout", "task_timeout", "id_conflict_policy", "id_reuse_policy",
            "execution_error_when_already_started", "retry_policy", "cron_schedule", "memo", "search_attributes",
            "enable_eager_start", "start_delay", "parent_close_policy", "wait_for_cancellation");

    public static final StartOptions NONE = new StartOptions(null, null, null, null, ConflictPolicy.USE_EXISTING,
            ReusePolicy.ALLOW_DUPLICATE, false, null, null, Map.of(), Map.of(), null, ParentClosePolicy.TERMINATE,
            false);

    public enum ConflictPolicy { USE_EXISTING, FAIL, TERMINATE_EXISTING }

    public enum ReusePolicy { ALLOW_DUPLICATE, ALLOW_DUPLICATE_FAILED_ONLY, REJECT_DUPLICATE }

    public enum ParentClosePolicy { TERMINATE, ABANDON, REQUEST_CANCEL }

    /**
     * Reads the options of {@code values} (plain data by key); {@code name} is a {@code with_name} workflow ID,
     * which an explicit {@code temporal.workflow.id} overrides.
     *
     * @throws OptionError for a value that cannot be used
     */
    public static StartOptions of(Map<String, Object> values, String name, Consumer<String> warn) {
        for (String key : values.keySet()) {
            if (key.startsWith(PREFIX) && !KNOWN.contains(key.substring(PREFIX.length()))) {
                warn.accept("unknown workflow start option '" + key + "' is ignored");
            }
        }
        String id = OptionValues.string(PREFIX + "id", values.get(PREFIX + "id"));
        if (id != null && id.isEmpty()) {
            throw new OptionError(PREFIX + "id must not be empty");
        }
        if (id == null) {
            id = name;
        }
        return new StartOptions(id,
                OptionValues.string(PREFIX + "task_queue", values.get(PREFIX + "task_queue")),
                duration(values, "execution_timeout"), duration(values, "run_timeout"),
                choice(values, "id_conflict_policy", ConflictPolicy.class, ConflictPolicy.USE_EXISTING),
                choice(values, "id_reuse_policy", ReusePolicy.class, ReusePolicy.ALLOW_DUPLICATE),
                OptionValues.flag(PREFIX + "execution_error_when_already_started",
                        values.get(PREFIX + "execution_error_when_already_started")),
                RetryPolicy.of(PREFIX + "retry_policy", values.get(PREFIX + "retry_policy")),
                cron(values.get(PREFIX + "cron_schedule")),
                OptionValues.map(PREFIX + "memo", values.get(PREFIX + "memo")),
                OptionValues.map(PREFIX + "search_attributes", values.get(PREFIX + "search_attributes")),
                duration(values, "start_delay"),
                choice(values, "parent_close_policy", ParentClosePolicy.class, ParentClosePolicy.TERMINATE),
                OptionValues.flag(PREFIX + "wait_for_cancellation", values.get(PREFIX + "wait_for_cancellation")));
    }

    private static Duration duration(Map<String, Object> values, String key) {
        Duration d = OptionValues.duration(PREFIX + key, values.get(PREFIX + key));
        return d == null || d.isZero() ? null : d;
    }

    private static String cron(Object v) {
        String text = OptionValues.string(PREFIX + "cron_schedule", v);
        if (text != null) {
            try {
                CronSchedule.parse(text);
            } catch (IllegalArgumentException e) {
                throw new OptionError(PREFIX + "cron_schedule: " + e.getMessage());
            }
        }
        return text;
    }

    private static <E extends Enum<E>> E choice(Map<String, Object> values, String key, Class<E> type, E otherwise) {
        String v = OptionValues.string(PREFIX + key, values.get(PREFIX + key));
        if (v == null) {
            return otherwise;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new OptionError(PREFIX + key + ": unknown policy '" + v + "' (one of "
                + List.of(type.getEnumConstants()).stream().map(e -> e.name().toLowerCase()).toList() + ")");
    }
}
