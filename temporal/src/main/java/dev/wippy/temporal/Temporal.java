package dev.wippy.temporal;

import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.temporal.client.Connections;
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
        space = new TemporalSpace(topology, clients);
        boot.node().addExternal(space);
        space.running(true);
        factories.forEach(WorkerFactory::start);
    }

    /** Registers the dynamic workflow and activity of a worker, as its options allow (spec 05 §2.4, §2.5). */
    void register(Worker worker, WorkerSettings w) {
        WorkerEnvironment env = new WorkerEnvironment(boot.node(), boot.code(), workflows::sandbox,
                workflows.activities(), topology, w);
        if (w.runsWorkflows()) {
            worker.registerWorkflowImplementationFactory(DynamicWorkflow.class, () -> new LuaWorkflow(env),
                    WorkflowImplementationOptions.newBuilder().build());
        }
        if (!w.options().isLocalActivityWorkerOnly()) {
            worker.registerActivitiesImplementations(new LuaActivity(workflows.activities()));
        }
    }

    @Override
    public List<String> stop(Duration timeout) {
        if (space != null) {
            space.running(false);
        }
        factories.forEach(WorkerFactory::shutdown);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> cut = new ArrayList<>();
        for (WorkerFactory f : factories) {
            f.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!f.isTerminated()) {
                cut.add("temporal workers of " + f.getWorkflowClient().getOptions().getNamespace()
                        + " still running activities");
            }
        }
        return cut;
    }

    @Override
    public void close() {
        factories.forEach(WorkerFactory::shutdownNow);
        clients.values().forEach(c -> c.getWorkflowServiceStubs().shutdownNow());
    }
}
