package dev.wippy.temporal.config;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Entry;
import io.temporal.worker.WorkerOptions;

import java.time.Duration;
import java.util.Map;

/**
 * A {@code temporal.worker} entry (spec 05 §2.4): its client, the task queue it polls, and its
 * {@code worker_options} as Temporal {@link WorkerOptions}.
 */
public record WorkerSettings(Entry entry, String clientId, String taskQueue, WorkerOptions options,
                             boolean logInReplay, Duration stopTimeout, Duration deadlockTimeout) {
    public static final String KIND = "temporal.worker";
    /** Lua code of a step may compute for this long before the step counts as a deadlock (spec 05 §2.4). */
    private static final Duration DEFAULT_DEADLOCK = Duration.ofSeconds(60);

    /**
     * Reads the entry; {@code clients} are the app's {@code temporal.client} entries by ID.
     *
     * @throws BootException naming the entry for a missing client or task queue, or a bad option
     */
    public static WorkerSettings of(Entry e, Map<String, ClientSettings> clients) {
        String client = e.reference("client");
        if (client == null) {
            throw BootException.at(e, "client is required (the ID of a temporal.client entry)");
        }
        if (!clients.containsKey(client)) {
            throw BootException.at(e, "client " + client + " is not a temporal.client entry");
        }
        String queue = e.string("task_queue");
        if (queue == null || queue.isBlank()) {
            throw BootException.at(e, "task_queue is required");
        }
        if (e.field("worker_options") != null && !(e.field("worker_options") instanceof Map<?, ?>)) {
            throw BootException.at(e, "worker_options must be a mapping");
        }
        Duration deadlock = ConfigDurations.of(e, "worker_options.deadlock_detection_timeout", Duration.ZERO);
        deadlock = deadlock.isZero() ? DEFAULT_DEADLOCK : deadlock;
        WorkerOptions.Builder b = WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(positive(e, "max_concurrent_activity_execution_size", 1000))
                .setMaxConcurrentWorkflowTaskExecutionSize(
                        positive(e, "max_concurrent_workflow_task_execution_size", 1000))
                .setMaxConcurrentLocalActivityExecutionSize(
                        positive(e, "max_concurrent_local_activity_execution_size", 1000))
                .setMaxConcurrentActivityTaskPollers(positive(e, "max_concurrent_activity_task_pollers", 5))
                .setMaxConcurrentWorkflowTaskPollers(positive(e, "max_concurrent_workflow_task_pollers", 5))
                .setLocalActivityWorkerOnly(e.flag("worker_options.local_activity_worker_only", false))
                .setDisableEagerExecution(e.flag("worker_options.disable_eager_activities", false))
                // the workflow thread waits while Lua computes a step; the run's own limit (the same duration) ends
                // such a step first, with a message naming the workflow, so the SDK's detector only backs it up
                .setDefaultDeadlockDetectionTimeout(deadlock.plusSeconds(10).toMillis())
                .setUsingVirtualThreads(true);
        double rate = rate(e, "worker_activities_per_second");
        if (rate > 0) {
            b.setMaxWorkerActivitiesPerSecond(rate);
        }
        double queueRate = rate(e, "task_queue_activities_per_second");
        if (queueRate > 0) {
            b.setMaxTaskQueueActivitiesPerSecond(queueRate);
        }
        String identity = e.string("worker_options.identity");
        if (identity != null && !identity.isEmpty()) {
            b.setIdentity(identity);
        }
        Duration sticky = ConfigDurations.of(e, "worker_options.sticky_schedule_to_start_timeout", Duration.ZERO);
        if (!sticky.isZero()) {
            b.setStickyQueueScheduleToStartTimeout(sticky);
        }
        Duration maxHeartbeat = ConfigDurations.of(e, "worker_options.max_heartbeat_throttle_interval",
                Duration.ZERO);
        if (!maxHeartbeat.isZero()) {
            b.setMaxHeartbeatThrottleInterval(maxHeartbeat);
        }
        Duration defaultHeartbeat = ConfigDurations.of(e, "worker_options.default_heartbeat_throttle_interval",
                Duration.ZERO);
        if (!defaultHeartbeat.isZero()) {
            b.setDefaultHeartbeatThrottleInterval(defaultHeartbeat);
        }
        return new WorkerSettings(e, client, queue, b.build(), e.flag("worker_options.enable_logging_in_replay", false),
                ConfigDurations.of(e, "worker_options.worker_stop_timeout", Duration.ZERO), deadlock);
    }

    private static int positive(Entry e, String key, int otherwise) {
        long n = e.integer("worker_options." + key, otherwise);
        return n <= 0 ? otherwise : (int) Math.min(n, Integer.MAX_VALUE);
    }

    private static double rate(Entry e, String key) {
        Object v = e.field("worker_options." + key);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number n) || n.doubleValue() < 0) {
            throw BootException.at(e, "worker_options." + key + " must be a non-negative number");
        }
        return n.doubleValue();
    }

    public String id() {
        return entry.id();
    }

    /** Whether this worker runs workflow steps (else activities only). */
    public boolean runsWorkflows() {
        return !entry.flag("worker_options.disable_workflow_worker", false);
    }
}
