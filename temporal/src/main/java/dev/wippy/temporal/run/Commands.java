package dev.wippy.temporal.run;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.values.Payload;
import dev.wippy.temporal.config.Topology;
import dev.wippy.temporal.config.WorkerSettings;
import dev.wippy.workflow.core.ActivityRequest;
import dev.wippy.workflow.core.ChildRequest;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.core.Operations.ChildStart;
import dev.wippy.workflow.core.RetryPolicy;
import dev.wippy.workflow.core.RunInfo;
import dev.wippy.workflow.core.StartOptions;
import dev.wippy.workflow.history.Encoded;
import dev.wippy.workflow.history.Outcomes;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.ChildWorkflowStub;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Temporal commands of one run, issued on its workflow thread: activities, timers, child workflows, signals
 * to other workflows, effects on processes (recorded side effects, performed once), attribute upserts. Results
 * come back through the run's {@link Inbox}.
 */
final class Commands {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.temporal");

    private final Inbox inbox;
    private final Topology topology;
    private final WorkerSettings worker;
    private final Node node;
    private final RunInfo info;

    Commands(Inbox inbox, Topology topology, WorkerSettings worker, Node node, RunInfo info) {
        this.inbox = inbox;
        this.topology = topology;
        this.worker = worker;
        this.node = node;
        this.info = info;
    }

    void timer(Handle h, long nanos, Runnable fired) {
        h.issue(() -> Workflow.newTimer(Duration.ofNanos(Math.max(1, nanos))).handle((v, failure) -> {
            if (failure == null) {
                inbox.add(() -> {
                    if (!h.cancelled()) {
                        fired.run();
                    }
                });
            }
            return null;
        }));
    }

    void activity(Handle h, ActivityRequest r, Consumer<ExitResult> done) {
        var o = r.parsed();
        ActivityOptions.Builder b = ActivityOptions.newBuilder()
                .setTaskQueue(topology.activityQueue(r.entryId(), o.taskQueue(), worker, info.taskQueue()))
                .setStartToCloseTimeout(o.startToClose())
                .setRetryOptions(retry(o.retryPolicy()))
                .setCancellationType(o.waitForCancellation()
                        ? ActivityCancellationType.WAIT_CANCELLATION_COMPLETED : ActivityCancellationType.TRY_CANCEL);
        if (o.scheduleToClose() != null) {
            b.setScheduleToCloseTimeout(o.scheduleToClose());
        }
        if (o.scheduleToStart() != null) {
            b.setScheduleToStartTimeout(o.scheduleToStart());
        }
        if (o.heartbeat() != null) {
            b.setHeartbeatTimeout(o.heartbeat());
        }
        ActivityOptions options = b.build();
        byte[] args = DurableCodec.encodeAll(r.frozenArgs());
        byte[] context = Encoded.map(r.context());
        h.issue(() -> Workflow.newUntypedActivityStub(options).executeAsync(r.entryId(), byte[].class, args, context)
                .handle((bytes, failure) -> {
                    ExitResult outcome = failure == null ? Outcomes.decode(bytes) : Failures.failed(failure);
                    inbox.add(() -> {
                        if (!h.cancelled()) {
                            done.accept(outcome);
                        }
                    });
                    return null;
                }));
    }

    static RetryOptions retry(RetryPolicy p) {
        return RetryOptions.newBuilder()
                .setInitialInterval(p.initialInterval())
                .setBackoffCoefficient(p.backoffCoefficient())
                .setMaximumInterval(p.maximumInterval())
                .setMaximumAttempts((int) Math.min(p.maximumAttempts(), Integer.MAX_VALUE))
                .setDoNotRetry(p.nonRetryableKinds().toArray(String[]::new))
                .build();
    }

    void child(ChildRequest r, Consumer<ChildStart> started, Consumer<ExitResult> closed) {
        Entry e = topology.entry(r.entryId());
        if (e == null) {
            inbox.add(() -> started.accept(new ChildStart(null, ErrorObject.of(ErrorObject.NOT_FOUND,
                    "entry not found: " + r.entryId(), false, null))));
            return;
        }
        StartOptions o = r.parsed();
        String id = o.id() != null ? o.id() : Workflow.randomUUID().toString();
        String queue = topology.childQueue(r.entryId(), r.host(), o.taskQueue(), worker, info.taskQueue());
        ChildWorkflowOptions.Builder b = ChildWorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(queue)
                .setParentClosePolicy(switch (o.parentClosePolicy()) {
                    case TERMINATE -> ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE;
                    case ABANDON -> ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON;
                    case REQUEST_CANCEL -> ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL;
                })
                .setCancellationType(o.waitForCancellation() ? ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED
                        : ChildWorkflowCancellationType.TRY_CANCEL)
                .setWorkflowIdReusePolicy(StartMapping.reuse(o.reusePolicy()));
        StartMapping.common(o, b::setWorkflowExecutionTimeout, b::setWorkflowRunTimeout, b::setRetryOptions,
                b::setCronSchedule, b::setMemo);
        ChildWorkflowStub stub = Workflow.newUntypedChildWorkflowStub(Topology.typeName(e), b.build());
        StartInput input = StartInput.of(r.entryId(), r.frozenArgs(), r.context(), r.startupMessages());
        var result = stub.executeAsync(byte[].class, input.payloads());
        String childWorker = topology.workerOfQueue(queue, worker).id();
        boolean[] startFailed = new boolean[1];
        stub.getExecution().handle((execution, failure) -> {
            startFailed[0] = failure != null;
            ChildStart start = failure == null ? new ChildStart(topology.pid(childWorker, execution.getWorkflowId()),
                    null) : new ChildStart(null, Failures.startError(failure));
            inbox.add(() -> started.accept(start));
            return null;
        });
        result.handle((bytes, failure) -> {
            if (!startFailed[0]) {
                ExitResult outcome = failure == null ? Outcomes.decode(bytes) : Failures.failed(failure);
                inbox.add(() -> closed.accept(outcome));
            }
            return null;
        });
    }

    /** To one of our workflows a signal; to a process a delivery recorded as done once, never repeated. */
    void send(String destination, String topic, Payload payload) {
        Topology.Located target = topology.locate(destination);
        byte[] bytes = DurableCodec.encode(payload.frozen());
        if (target != null) {
            signal(target.workflowId(), topic, bytes);
            return;
        }
        Workflow.sideEffect(Boolean.class, () -> outside(() -> node.send(info.pid(), destination, topic,
                new Payload(DurableCodec.decode(bytes)))));
    }

    void cancel(String destination, String reason) {
        Topology.Located target = topology.locate(destination);
        if (target != null) {
            signal(target.workflowId(), LuaWorkflow.CANCEL_SIGNAL, reason == null ? new byte[0]
                    : reason.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Workflow.sideEffect(Boolean.class, () -> outside(() -> node.resolve(destination).deliver(new Event(
                Event.CANCEL, info.pid(), null, reason))));
    }

    void terminate(String destination) {
        Workflow.sideEffect(Boolean.class, () -> outside(() -> {
            var external = node.ownerOf(destination);
            if (external != null) {
                external.terminate(info.pid(), destination);
            } else {
                node.resolve(destination).terminate(ErrorObject.of(ErrorObject.CANCELED,
                        "process terminated by " + info.pid()));
            }
        }));
    }

    /** Sent from a workflow thread of its own, so that the run goes on while the server records it. */
    private void signal(String workflowId, String name, byte[] payload) {
        String from = info.pid();
        Async.procedure(() -> {
            try {
                Workflow.newUntypedExternalWorkflowStub(workflowId).signal(name, from, payload);
            } catch (RuntimeException e) {
                if (!Workflow.isReplaying()) {
                    LOG.atWarn().addKeyValue("workflow_id", info.workflowId()).addKeyValue("destination", workflowId)
                            .log("workflow sent a message to a workflow that is not running; dropped");
                }
            }
        });
    }

    /** An effect on the node's processes: they may be gone, which a workflow never notices. */
    private static boolean outside(Runnable effect) {
        try {
            effect.run();
        } catch (SpawnException ignored) {
            // the process ended; sends from workflows are at least once while the receiver lives
        }
        return true;
    }

    void upsert(Map<String, Object> search, Map<String, Object> memo) {
        if (!memo.isEmpty()) {
            Workflow.upsertMemo(memo);
        }
        List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
        search.forEach((k, v) -> updates.add(switch (v) {
            case Long n -> SearchAttributeUpdate.valueSet(SearchAttributeKey.forLong(k), n);
            case Double d -> SearchAttributeUpdate.valueSet(SearchAttributeKey.forDouble(k), d);
            case Boolean f -> SearchAttributeUpdate.valueSet(SearchAttributeKey.forBoolean(k), f);
            default -> SearchAttributeUpdate.valueSet(SearchAttributeKey.forKeyword(k), String.valueOf(v));
        }));
        if (!updates.isEmpty()) {
            Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
        }
    }
}
