package dev.wippy.observability.meters;

import dev.wippy.observability.watch.Watched;
import dev.wippy.runtime.app.ServiceState;
import dev.wippy.runtime.app.ServiceStatus;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.HostCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The runtime's own metrics, read when Prometheus scrapes rather than counted on the way (so they cost the runtime
 * nothing between scrapes): processes by host, spawns and exits, mailbox depths, services and their restarts,
 * queue figures, workflows by status, and the JVM's heap and collections. Things that appear after boot (services,
 * hosts) get their meters at the next {@link #refresh}.
 */
public final class RuntimeMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final Watched watched;
    private final Set<String> hosts = new HashSet<>();
    private final Set<String> services = new HashSet<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public RuntimeMeters(MeterRegistry registry, Watched watched) {
        this.registry = registry;
        this.watched = watched;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        Gauge.builder("wippy_process_mailbox_depth_max", watched, w -> mailboxes(w, true)).register(registry);
        Gauge.builder("wippy_process_mailbox_depth_sum", watched, w -> mailboxes(w, false)).register(registry);
        Gauge.builder("wippy_executions_live", watched, w -> w.node().executions().size()).register(registry);
        for (ServiceState s : ServiceState.values()) {
            Gauge.builder("wippy_services", watched, w -> w.services().get().values().stream()
                    .filter(st -> st.state() == s).count()).tag("state", s.text()).register(registry);
        }
        if (watched.queues() != null) {
            for (String q : watched.queues().queueIds()) {
                queue(q);
            }
        }
        if (watched.workflows() != null) {
            for (String status : new String[] {"running", "completed", "failed", "canceled", "terminated", "timed_out"}) {
                Gauge.builder("wippy_workflows", watched, w -> w.workflows().counts().getOrDefault(status, 0L))
                        .tag("status", status).register(registry);
            }
        }
        refresh();
    }

    /** Adds meters for hosts and services that appeared since the last call. */
    public synchronized void refresh() {
        watched.node().hosts().keySet().forEach(h -> {
            HostCounters c = watched.node().counters(h);
            if (c != null && hosts.add(h)) {
                Gauge.builder("wippy_processes_live", c, HostCounters::live).tag("host", h).register(registry);
                FunctionCounter.builder("wippy_processes_spawned", c, HostCounters::spawnedCount).tag("host", h)
                        .register(registry);
                FunctionCounter.builder("wippy_processes_exited", c, HostCounters::exitedCount).tag("host", h)
                        .register(registry);
            }
        });
        for (String id : watched.services().get().keySet()) {
            if (services.add(id)) {
                FunctionCounter.builder("wippy_service_restarts", watched, w -> restarts(w.services().get().get(id)))
                        .tag("service", id).register(registry);
            }
        }
    }

    private void queue(String id) {
        figure("wippy_queue_depth", id, "message_count", true);
        figure("wippy_queue_in_flight", id, "in_flight", true);
        figure("wippy_queue_published", id, "published", false);
        figure("wippy_queue_acked", id, "acked", false);
        figure("wippy_queue_nacked", id, "nacked", false);
        figure("wippy_queue_dead_lettered", id, "dead_lettered", false);
    }

    /** A figure of {@code queue.info} as a gauge (a level) or a counter (a total since boot). */
    private void figure(String name, String queue, String key, boolean level) {
        ToDoubleFunction<Watched> read = w -> {
            Map<String, Object> info = w.queues().info(queue);
            return info != null && info.get(key) instanceof Number n ? n.doubleValue() : 0;
        };
        if (level) {
            Gauge.builder(name, watched, read).tag("queue", queue).register(registry);
        } else {
            FunctionCounter.builder(name, watched, read).tag("queue", queue).register(registry);
        }
    }

    private static double restarts(ServiceStatus s) {
        return s == null ? 0 : Math.max(0, s.starts().size() - 1);
    }

    private static double mailboxes(Watched w, boolean max) {
        long best = 0;
        long sum = 0;
        for (Execution e : w.node().executions()) {
            int depth = e.view(null).mailboxDepth();
            best = Math.max(best, depth);
            sum += depth;
        }
        return max ? best : sum;
    }

    @Override
    public void close() {
        gc.close();
    }
}
