package dev.wippy.workflow.embedded;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@code workflow.worker} entry (spec 05 §2.6): the task queue it serves (default: its name), the
 * {@code worker_options} of §2.4 that the embedded provider honours, its database file (default
 * {@code .wippy/workflows.db} under the app folder) and durability.
 */
public record WorkerSettings(Entry entry, String taskQueue, int maxActivities, int maxWorkflowTasks,
                             double activitiesPerSecond, Duration stopTimeout, Duration deadlockTimeout,
                             boolean logInReplay, boolean workflows, boolean activities, String identity,
                             Path database, Store.Durability durability) {
    public static final String KIND = "workflow.worker";
    static final String DEFAULT_DATABASE = ".wippy/workflows.db";
    private static final Duration DEFAULT_DEADLOCK = Duration.ofSeconds(60);
    /** Keys of spec 05 §2.4 this provider accepts; those it does not use are ignored by design. */
    private static final Set<String> KNOWN = Set.of("identity", "max_concurrent_activity_execution_size",
            "max_concurrent_workflow_task_execution_size", "max_concurrent_local_activity_execution_size",
            "max_concurrent_session_execution_size", "max_concurrent_eager_activity_execution_size",
            "max_concurrent_activity_task_pollers", "max_concurrent_workflow_task_pollers",
            "worker_activities_per_second", "worker_local_activities_per_second",
            "task_queue_activities_per_second", "sticky_schedule_to_start_timeout", "worker_stop_timeout",
            "deadlock_detection_timeout", "max_heartbeat_throttle_interval", "default_heartbeat_throttle_interval",
            "enable_logging_in_replay", "enable_session_worker", "disable_workflow_worker",
            "local_activity_worker_only", "disable_eager_activities", "disable_registration_aliasing",
            "deployment_name", "build_id", "build_id_env", "use_versioning", "default_versioning_behavior");

    /**
     * Reads the entry; paths are relative to {@code root}.
     *
     * @throws BootException naming the entry for a bad value
     */
    public static WorkerSettings of(Entry e, Path root, Consumer<String> warn) {
        String queue = e.string("task_queue");
        if (queue != null && queue.isBlank()) {
            throw BootException.at(e, "task_queue must not be empty");
        }
        Object raw = e.field("worker_options");
        if (raw != null && !(raw instanceof Map<?, ?>)) {
            throw BootException.at(e, "worker_options must be a mapping");
        }
        if (raw instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!KNOWN.contains(String.valueOf(k))) {
                    warn.accept(e.describe() + ": unknown worker option '" + k + "' is ignored");
                }
            }
        }
        Duration deadlock = ConfigDurations.of(e, "worker_options.deadlock_detection_timeout", Duration.ZERO);
        String durability = e.string("durability");
        Store.Durability d;
        if (durability == null || durability.equals("full")) {
            d = Store.Durability.FULL;
        } else if (durability.equals("normal")) {
            d = Store.Durability.NORMAL;
        } else {
            throw BootException.at(e, "durability must be 'full' or 'normal', not '" + durability + "'");
        }
        String db = e.string("database");
        return new WorkerSettings(e, queue == null ? e.name() : queue,
                positive(e, "max_concurrent_activity_execution_size", 1000),
                positive(e, "max_concurrent_workflow_task_execution_size", 1000),
                rate(e), ConfigDurations.of(e, "worker_options.worker_stop_timeout", Duration.ZERO),
                deadlock.isZero() ? DEFAULT_DEADLOCK : deadlock,
                e.flag("worker_options.enable_logging_in_replay", false),
                !e.flag("worker_options.disable_workflow_worker", false),
                !e.flag("worker_options.local_activity_worker_only", false),
                e.string("worker_options.identity") == null ? e.id() : e.string("worker_options.identity"),
                root.resolve(db == null ? DEFAULT_DATABASE : db).normalize(), d);
    }

    private static int positive(Entry e, String key, int otherwise) {
        long n = e.integer("worker_options." + key, otherwise);
        if (n <= 0) {
            return otherwise;
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    private static double rate(Entry e) {
        Object v = e.field("worker_options.worker_activities_per_second");
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number n) || n.doubleValue() < 0) {
            throw BootException.at(e, "worker_options.worker_activities_per_second must be a non-negative number");
        }
        return n.doubleValue();
    }

    public String id() {
        return entry.id();
    }
}
