package dev.wippy.temporal.client;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.ExternalProcesses;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.Payload;
import dev.wippy.temporal.config.Topology;
import dev.wippy.temporal.config.WorkerSettings;
import dev.wippy.temporal.run.Failures;
import dev.wippy.temporal.run.LuaWorkflow;
import dev.wippy.temporal.run.StartInput;
import dev.wippy.temporal.run.StartMapping;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.core.OptionError;
import dev.wippy.workflow.core.StartOptions;
import dev.wippy.workflow.core.WorkflowKinds;
import dev.wippy.workflow.history.Outcomes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The workflows of the app's {@code temporal.worker} entries as processes see them (spec 05 §3): every start,
 * signal, cancellation and termination goes through the worker's Temporal client; results are the workflows'
 * Temporal results. A cancellation is a signal the run turns into its CANCEL event, so that the canceller's PID
 * and reason reach the code and the run's operations keep working (spec 05 §3.10).
 */
public final class TemporalSpace implements ExternalProcesses {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.temporal");

    private final Topology topology;
    private final Map<String, WorkflowClient> clients;
    private final Watchers watchers = new Watchers();
    private final HealthChecks health;
    private volatile boolean running;

    /** {@code clients} are the connected clients by {@code temporal.client} ID. */
    public TemporalSpace(Topology topology, Map<String, WorkflowClient> clients, HealthChecks health) {
        this.topology = topology;
        this.clients = Map.copyOf(clients);
        this.health = health;
    }

    public void running(boolean on) {
        running = on;
    }

    @Override
    public boolean isHost(String hostId) {
        return topology.workers().containsKey(hostId);
    }

    @Override
    public boolean owns(String pid) {
        return topology.locate(pid) != null;
    }

    private WorkflowClient client(WorkerSettings w) {
        if (!running) {
            throw new SpawnException(ErrorObject.UNAVAILABLE, "temporal worker " + w.id() + " is not running");
        }
        if (health.failing(w.clientId())) {
            throw new SpawnException(ErrorObject.UNAVAILABLE, "temporal client " + w.clientId()
                    + " failed its last health check");
        }
        return clients.get(w.clientId());
    }

    private Topology.Located require(String pid) {
        Topology.Located l = topology.locate(pid);
        if (l == null) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + pid);
        }
        return l;
    }

    private WorkflowStub stub(Topology.Located l) {
        return client(l.worker()).newUntypedWorkflowStub(l.workflowId());
    }

    @Override
    public String spawn(Execution caller, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options) {
        WorkerSettings worker = topology.workers().get(hostId);
        WorkflowClient client = client(worker);
        Entry e = topology.entry(entryId);
        if (e == null) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "entry not found: " + entryId);
        }
        if (!e.kind().equals(WorkflowKinds.WORKFLOW_LUA)) {
            throw new SpawnException(ErrorObject.INVALID, "entry " + entryId + " is a " + e.kind()
                    + ", not a workflow.lua entry");
        }
        Map<String, Object> plain = new HashMap<>();
        options.options().forEach((k, v) -> plain.put(k, Frozen.toJava(v)));
        StartOptions parsed;
        try {
            parsed = StartOptions.of(plain, options.name(), w -> LOG.warn("{}: {}", entryId, w));
            DurableCodec.encodeAll(frozenArgs);
        } catch (OptionError x) {
            throw new SpawnException(ErrorObject.INVALID, x.getMessage());
        } catch (Frozen.NotTransferable x) {
            throw new SpawnException(ErrorObject.INVALID, "workflow input: " + x.getMessage());
        }
        Map<String, Object> context = new HashMap<>(caller == null ? Map.of() : caller.context());
        context.putAll(options.context());
        // values only the caller's host understands (an HTTP request's handle) stay behind, as across processes
        context.values().removeIf(v -> !DurableCodec.canEncode(v));
        String workflowId = parsed.id() != null ? parsed.id() : UUID.randomUUID().toString();
        WorkflowOptions.Builder b = WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(parsed.taskQueue() != null ? topology.clientOf(worker).queue(parsed.taskQueue())
                        : topology.queueOf(worker))
                .setWorkflowIdReusePolicy(StartMapping.reuse(parsed.reusePolicy()))
                .setWorkflowIdConflictPolicy(StartMapping.conflict(parsed));
        if (parsed.startDelay() != null) {
            b.setStartDelay(parsed.startDelay());
        }
        StartMapping.common(parsed, b::setWorkflowExecutionTimeout, b::setWorkflowRunTimeout, b::setRetryOptions,
                b::setCronSchedule, b::setMemo);
        WorkflowStub stub = client.newUntypedWorkflowStub(Topology.typeName(e), b.build());
        // joining an open execution must still deliver this start's messages: they go as signal-with-start then
        boolean mayJoin = parsed.id() != null && parsed.conflictPolicy() == StartOptions.ConflictPolicy.USE_EXISTING
                && !parsed.errorWhenStarted() && !options.messages().isEmpty();
        StartInput input = StartInput.of(entryId, frozenArgs, Map.copyOf(context),
                mayJoin ? List.of() : options.messages());
        if (mayJoin) {
            byte[] messages = Outcomes.encodeMessages(options.messages());
            call(hostId, () -> stub.signalWithStart(LuaWorkflow.STARTUP_SIGNAL, new Object[]{null, messages},
                    input.payloads()));
        } else {
            call(hostId, () -> stub.start(input.payloads()));
        }
        String pid = topology.pid(hostId, workflowId);
        if (caller != null && (options.monitor() || options.link())) {
            watchers.watch(caller, pid, options.link(), outcome(pid));
        }
        return pid;
    }

    @Override
    public CompletableFuture<ExitResult> outcome(String pid) {
        return stub(require(pid)).getResultAsync(byte[].class)
                .handle((bytes, t) -> t == null ? Outcomes.decode(bytes) : Failures.failed(t));
    }

    @Override
    public void send(String fromPid, String pid, String topic, Payload payload) {
        byte[] bytes = DurableCodec.encode(payload.frozen());
        call(pid, () -> stub(require(pid)).signal(topic, fromPid, bytes));
    }

    @Override
    public void cancel(String fromPid, String pid, String reason) {
        byte[] why = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        call(pid, () -> stub(require(pid)).signal(LuaWorkflow.CANCEL_SIGNAL, fromPid, why));
    }

    @Override
    public void terminate(String fromPid, String pid) {
        call(pid, () -> stub(require(pid)).terminate("terminated by " + fromPid));
    }

    @Override
    public void monitor(Execution watcher, String pid) {
        requireOpen(pid);
        watchers.watch(watcher, pid, false, outcome(pid));
    }

    @Override
    public void unmonitor(Execution watcher, String pid) {
        watchers.unwatch(watcher, pid, false);
    }

    @Override
    public void link(Execution linker, String pid) {
        requireOpen(pid);
        watchers.watch(linker, pid, true, outcome(pid));
    }

    @Override
    public void unlink(Execution linker, String pid) {
        watchers.unwatch(linker, pid, true);
    }

    /** Watching a closed or unknown workflow is NOT_FOUND (spec 05 §3.11). */
    private void requireOpen(String pid) {
        Topology.Located l = require(pid);
        WorkflowExecutionStatus status = call(pid, () -> stub(l).describe().getStatus());
        if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + pid);
        }
    }

    private static void call(String target, Runnable request) {
        call(target, () -> {
            request.run();
            return null;
        });
    }

    /** A request to the server, its failures as the errors Lua code sees (spec 05 §2.5, §3.5, §3.8). */
    private static <T> T call(String target, Supplier<T> request) {
        try {
            return request.get();
        } catch (SpawnException e) {
            throw e;
        } catch (WorkflowExecutionAlreadyStarted e) {
            throw new SpawnException(ErrorObject.ALREADY_EXISTS, "workflow already exists: "
                    + e.getExecution().getWorkflowId());
        } catch (WorkflowNotFoundException e) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + target);
        } catch (RuntimeException e) {
            Status status = statusOf(e);
            if (status != null && status.getCode() == Status.Code.NOT_FOUND) {
                throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + target);
            }
            throw new SpawnException(ErrorObject.UNAVAILABLE, "temporal: " + target + ": " + e.getMessage());
        }
    }

    private static Status statusOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StatusRuntimeException s) {
                return s.getStatus();
            }
        }
        return null;
    }
}
