package dev.wippy.temporal;

import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.temporal.client.Connections;
import dev.wippy.temporal.client.HealthChecks;
import dev.wippy.temporal.client.TemporalSpace;
import dev.wippy.temporal.config.ClientSettings;
import dev.wippy.temporal.config.Topology;
import dev.wippy.temporal.config.WorkerSettings;
import dev.wippy.temporal.run.LuaActivity;
import dev.wippy.temporal.run.LuaWorkflow;
import dev.wippy.temporal.run.WorkerEnvironment;
import dev.wippy.workflow.Workflows;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.workflow.DynamicWorkflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal subsystem of an app: one connection and worker factory per {@code temporal.client} that a worker
 * uses, one Temporal worker per {@code temporal.worker} entry, and the PID space through which processes reach
 * the workflows. Stopping stops polling; workflows stay as they are on the server (spec 05 §2.5, G12).
 */
public final class Temporal implements Subsystem {
    private final Boot boot;
    private final Topology topology;
    private final Workflows workflows;
    private final Map<String, WorkflowClient> clients = new LinkedHashMap<>();
    private final List<WorkerFactory> factories = new ArrayList<>();
    private final HealthChecks health = new HealthChecks();
    private TemporalSpace space;

    Temporal(Boot boot, Topology topology, Workflows workflows) {
        this.boot = boot;
        this.topology = topology;
        this.workflows = workflows;
    }

    public Topology topology() {
        return topology;
    }

    @Override
    public void start() {
        if (topology.workers().isEmpty()) {
            // apps without Temporal workers load none of the SDK
            return;
        }
        for (WorkerSettings w : topology.workers().values()) {
            ClientSettings c = topology.clientOf(w);
            if (!clients.containsKey(c.id())) {
                clients.put(c.id(), Connections.connect(c));
            }
        }
        Map<String, WorkerFactory> byClient = new LinkedHashMap<>();
        clients.forEach((id, client) -> byClient.put(id, WorkerFactory.newInstance(client,
                WorkerFactoryOptions.newBuilder().setUsingVirtualWorkflowThreads(true).build())));
        factories.addAll(byClient.values());
        for (WorkerSettings w : topology.workers().values()) {
            register(byClient.get(w.clientId()).newWorker(topology.queueOf(w), w.options()), w);
        }
        clients.forEach((id, client) -> {
            ClientSettings c = topology.clients().get(id);
            if (c.healthCheckInterval() != null) {
                health.watch(c, client);
            }
        });
        space = new TemporalSpace(topology, clients, health);
        boot.node().addExternal(space);
        space.running(true);
        factories.forEach(WorkerFactory::start);
    }

    /** Registers the dynamic workflow and activity of a worker, as its options allow (spec 05 §2.4, §2.5). */
    void register(Worker worker, WorkerSettings w) {
        WorkerEnvironment env = new WorkerEnvironment(boot.node(), boot.code(), workflows::sandbox,
                workflows.activities(), topology, w);
        if (w.runsWorkflows()) {
            // a run whose code no longer matches its history fails its workflow task: it stays open, blocked, and
            // is retried until the code is restored (spec 05 G10)
            worker.registerWorkflowImplementationFactory(DynamicWorkflow.class, () -> new LuaWorkflow(env),
                    WorkflowImplementationOptions.newBuilder().build());
        }
        if (!w.options().isLocalActivityWorkerOnly()) {
            worker.registerActivitiesImplementations(new LuaActivity(workflows.activities()));
        }
    }

    /**
     * Stops polling; running activities get the longest {@code worker_stop_timeout} of the workers (within the
     * runtime's own shutdown timeout), then are cancelled (spec 05 §2.4, §2.5). Workflows are left as they are.
     */
    @Override
    public List<String> stop(Duration timeout) {
        if (space != null) {
            space.running(false);
        }
        Duration grace = topology.workers().values().stream().map(WorkerSettings::stopTimeout)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        grace = grace.compareTo(timeout) < 0 ? grace : timeout;
        factories.forEach(WorkerFactory::shutdown);
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> cut = new ArrayList<>();
        for (WorkerFactory f : factories) {
            f.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!f.isTerminated()) {
                f.shutdownNow();
                // with no grace period, cancelling what runs is the configured behaviour, not something cut short
                if (!grace.isZero()) {
                    cut.add("activities of the temporal workers of namespace "
                            + f.getWorkflowClient().getOptions().getNamespace() + " cancelled after "
                            + grace.toMillis() + "ms");
                }
            }
        }
        return cut;
    }

    @Override
    public void close() {
        health.stop();
        factories.forEach(WorkerFactory::shutdownNow);
        clients.values().forEach(c -> c.getWorkflowServiceStubs().shutdownNow());
    }
}
