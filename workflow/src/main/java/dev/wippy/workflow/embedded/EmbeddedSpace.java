package dev.wippy.workflow.embedded;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.ext.AppCode;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.ExternalProcesses;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.Payload;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.core.OptionError;
import dev.wippy.workflow.core.StartOptions;
import dev.wippy.workflow.core.WorkflowKinds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded provider's workflows as seen by processes (spec 05 §3): started with {@code process.spawn*} and
 * {@code process.exec} on a {@code workflow.worker}, signalled, cancelled, terminated, monitored and linked by PID.
 */
final class EmbeddedSpace implements ExternalProcesses {
    private final Map<String, Engine> byWorker = new HashMap<>();
    private final AppCode code;
    private volatile boolean running;

    EmbeddedSpace(List<Engine> engines, AppCode code) {
        for (Engine e : engines) {
            e.workerIds().forEach(w -> byWorker.put(w, e));
        }
        this.code = code;
    }

    void running(boolean on) {
        running = on;
    }

    @Override
    public boolean isHost(String hostId) {
        return byWorker.containsKey(hostId);
    }

    @Override
    public boolean owns(String pid) {
        return locate(pid) != null;
    }

    private record Located(Engine engine, String workflowId) {
    }

    private Located locate(String pid) {
        for (Engine e : byWorker.values()) {
            String id = Engine.workflowIdOf(pid, e.workerIds());
            if (id != null) {
                return new Located(e, id);
            }
        }
        return null;
    }

    private Located require(String pid) {
        if (!running) {
            throw new SpawnException(ErrorObject.UNAVAILABLE, "workflow worker is not running");
        }
        Located l = locate(pid);
        if (l == null) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + pid);
        }
        return l;
    }

    @Override
    public String spawn(Execution caller, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options) {
        if (!running) {
            throw new SpawnException(ErrorObject.UNAVAILABLE, "workflow worker " + hostId + " is not running");
        }
        Entry e = code.decoded().get(entryId);
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
            parsed = StartOptions.of(plain, options.name(), w -> Engine.LOG.warn("{}: {}", entryId, w));
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
        Engine engine = byWorker.get(hostId);
        return engine.start(caller, new Engine.StartRequest(entryId, hostId, parsed.taskQueue(), frozenArgs,
                Map.copyOf(context), options.messages(), plain, parsed, null, null, 0, null),
                options.monitor(), options.link());
    }

    @Override
    public CompletableFuture<ExitResult> outcome(String pid) {
        Located l = require(pid);
        return l.engine().outcome(l.workflowId());
    }

    @Override
    public void send(String fromPid, String pid, String topic, Payload payload) {
        Located l = require(pid);
        l.engine().signal(l.workflowId(), topic, fromPid, payload.frozen());
    }

    @Override
    public void cancel(String fromPid, String pid, String reason) {
        Located l = require(pid);
        l.engine().cancel(l.workflowId(), fromPid, reason);
    }

    @Override
    public void terminate(String fromPid, String pid) {
        Located l = require(pid);
        if (!l.engine().terminate(l.engine().openRun(l.workflowId()), "terminated by " + fromPid)) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + pid);
        }
    }

    @Override
    public void monitor(Execution watcher, String pid) {
        Located l = require(pid);
        if (!l.engine().watchers.monitor(l.workflowId(), watcher)) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + l.workflowId());
        }
    }

    @Override
    public void unmonitor(Execution watcher, String pid) {
        Located l = require(pid);
        l.engine().watchers.unmonitor(l.workflowId(), watcher);
    }

    @Override
    public void link(Execution linker, String pid) {
        Located l = require(pid);
        if (!l.engine().watchers.link(l.workflowId(), linker)) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "workflow not found: " + l.workflowId());
        }
    }

    @Override
    public void unlink(Execution linker, String pid) {
        Located l = require(pid);
        l.engine().watchers.unlink(l.workflowId(), linker);
    }
}
