package dev.wippy.temporal.config;

import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.EntryId;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.Values;
import dev.wippy.workflow.core.WorkflowKinds;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The app's Temporal clients and workers and how things are named across them: workflow PIDs
 * ({@code {client@worker|workflow-id}}, spec 05 §3.1), effective task queues, the workflow type of an entry and the
 * entry of a type, and where an activity or a child workflow runs (spec 05 §2.5).
 */
public final class Topology {
    private final Map<String, ClientSettings> clients;
    private final Map<String, WorkerSettings> workers;
    private final Supplier<Registry> registry;

    public Topology(Map<String, ClientSettings> clients, Map<String, WorkerSettings> workers,
                    Supplier<Registry> registry) {
        this.clients = Map.copyOf(clients);
        this.workers = Map.copyOf(workers);
        this.registry = registry;
    }

    public Map<String, ClientSettings> clients() {
        return clients;
    }

    public Map<String, WorkerSettings> workers() {
        return workers;
    }

    public ClientSettings clientOf(WorkerSettings w) {
        return clients.get(w.clientId());
    }

    public String pid(String workerId, String workflowId) {
        return "{" + workers.get(workerId).clientId() + "@" + workerId + "|" + workflowId + "}";
    }

    /** A workflow PID of one of our workers, or null for anything else. */
    public Located locate(String pid) {
        String p = pid.startsWith("{") && pid.endsWith("}") ? pid.substring(1, pid.length() - 1) : pid;
        int at = p.indexOf('@');
        int bar = p.indexOf('|');
        if (at <= 0 || bar <= at + 1 || bar == p.length() - 1) {
            return null;
        }
        WorkerSettings w = workers.get(p.substring(at + 1, bar));
        return w == null ? null : new Located(w, p.substring(bar + 1));
    }

    /** A workflow of one of our workers: the worker whose client reaches it, and its workflow ID. */
    public record Located(WorkerSettings worker, String workflowId) {
    }

    /** The effective task queue a worker polls. */
    public String queueOf(WorkerSettings w) {
        return clientOf(w).queue(w.taskQueue());
    }

    /** The worker polling the effective {@code queue}, or {@code fallback} when none of ours does. */
    public WorkerSettings workerOfQueue(String queue, WorkerSettings fallback) {
        for (WorkerSettings w : workers.values()) {
            if (queueOf(w).equals(queue) && w.clientId().equals(fallback.clientId())) {
                return w;
            }
        }
        return fallback;
    }

    /** The entry {@code id} as the app has it now, or null. */
    public Entry entry(String id) {
        return registry.get().get(id);
    }

    /** The workflow type name of a {@code workflow.lua} entry (spec 05 §2.2). */
    public static String typeName(Entry e) {
        Object name = Values.at(e.meta(), "temporal.workflow.name");
        return name == null ? e.id() : name.toString();
    }

    /** The {@code workflow.lua} entry registered under {@code type}, or null. */
    public Entry entryOfType(String type) {
        Registry r = registry.get();
        Entry byId = r.get(type);
        if (byId != null && byId.kind().equals(WorkflowKinds.WORKFLOW_LUA) && typeName(byId).equals(type)) {
            return byId;
        }
        for (Entry e : r.ofKind(WorkflowKinds.WORKFLOW_LUA)) {
            if (typeName(e).equals(type)) {
                return e;
            }
        }
        return null;
    }

    /** The worker an entry is bound to through {@code meta.<key>} when it is one of ours, else null. */
    public WorkerSettings boundWorker(String entryId, String key) {
        Entry e = registry.get().get(entryId);
        Object bound = e == null ? null : Values.at(e.meta(), key);
        return bound == null ? null : workers.get(EntryId.resolve(bound.toString(), e.namespace()));
    }

    /**
     * Where a child workflow runs: its {@code task_queue} option, else its {@code host} (one of our workers, or a
     * task-queue name), else the worker it is bound to, else the parent's queue.
     */
    public String childQueue(String entryId, String host, String optionQueue, WorkerSettings parent,
                             String parentQueue) {
        ClientSettings client = clientOf(parent);
        if (optionQueue != null) {
            return client.queue(optionQueue);
        }
        if (host != null) {
            WorkerSettings w = workers.get(host);
            return w != null ? queueOf(w) : client.queue(host);
        }
        WorkerSettings bound = boundWorker(entryId, "temporal.workflow.worker");
        return bound != null ? queueOf(bound) : parentQueue;
    }

    /**
     * Where an activity runs (spec 05 §2.5): its {@code task_queue} option, else the queue of the worker it is
     * bound to, else the calling workflow's queue.
     */
    public String activityQueue(String entryId, String optionQueue, WorkerSettings caller, String callerQueue) {
        if (optionQueue != null) {
            return clientOf(caller).queue(optionQueue);
        }
        WorkerSettings bound = boundWorker(entryId, "temporal.activity.worker");
        return bound != null ? queueOf(bound) : callerQueue;
    }
}
