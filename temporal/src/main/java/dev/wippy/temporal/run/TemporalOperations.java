package dev.wippy.temporal.run;

import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.sched.Fiber;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.values.Payload;
import dev.wippy.workflow.core.ActivityRequest;
import dev.wippy.workflow.core.ChildRequest;
import dev.wippy.workflow.core.Operations;
import dev.wippy.workflow.core.RunInfo;
import io.temporal.workflow.Workflow;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The workflow core's operations on Temporal. They are called from the run's fibers, which are not Temporal
 * workflow threads, so each becomes a request that the driver issues at the next quiescent point; a value the
 * code needs at once (a recorded value, a version) parks the asking fiber until the driver has it. What the code
 * reads of the step (time, replaying, history length) is captured by the driver before the code runs.
 */
final class TemporalOperations implements Operations {
    private final RunInfo info;
    private final Requests requests = new Requests();
    private final Inbox inbox;
    private final Commands commands;
    private Scheduler scheduler;
    private volatile Instant now = Instant.EPOCH;
    private volatile boolean replaying;
    private volatile long length;
    private volatile long size;

    TemporalOperations(RunInfo info, Inbox inbox, Commands commands) {
        this.info = info;
        this.inbox = inbox;
        this.commands = commands;
    }

    void attach(Scheduler s) {
        this.scheduler = s;
    }

    /** Reads the step's workflow time and history position (workflow thread). */
    void beginStep() {
        now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
        replaying = Workflow.isReplaying();
        length = Workflow.getInfo().getHistoryLength();
        size = Workflow.getInfo().getHistorySize();
    }

    /** Issues what the code asked for since the last quiescent point (workflow thread). */
    void issueRequests() {
        requests.issueAll();
    }

    @Override
    public RunInfo info() {
        return info;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public boolean replaying() {
        return replaying;
    }

    @Override
    public long historyLength() {
        return length;
    }

    @Override
    public long historySize() {
        return size;
    }

    @Override
    public Pending startTimer(long nanos, Runnable fired) {
        Handle h = new Handle(requests);
        requests.add(() -> commands.timer(h, nanos, fired));
        return h;
    }

    @Override
    public Pending scheduleActivity(ActivityRequest request, Consumer<ExitResult> done) {
        Handle h = new Handle(requests);
        requests.add(() -> commands.activity(h, request, done));
        return h;
    }

    @Override
    public byte[] sideEffect(String kind, Supplier<byte[]> fresh) {
        return await(() -> Workflow.sideEffect(byte[].class, fresh::get));
    }

    @Override
    public long version(String changeId, long minSupported, long maxSupported) {
        return await(() -> (long) Workflow.getVersion(changeId, (int) minSupported, (int) maxSupported));
    }

    @Override
    public Pending startChild(ChildRequest request, Consumer<ChildStart> started, Consumer<ExitResult> closed) {
        requests.add(() -> commands.child(request, started, closed));
        // like the embedded provider: a child is not cancelled with the wait for it, its parent close policy rules
        return () -> { };
    }

    @Override
    public void send(String destination, String topic, Payload payload) {
        requests.add(() -> commands.send(destination, topic, payload));
    }

    @Override
    public void cancelExternal(String destination, String reason) {
        requests.add(() -> commands.cancel(destination, reason));
    }

    @Override
    public void terminateExternal(String destination) {
        requests.add(() -> commands.terminate(destination));
    }

    @Override
    public void upsertAttributes(Map<String, Object> search, Map<String, Object> memo) {
        requests.add(() -> commands.upsert(search, memo));
    }

    /** Parks the calling fiber until the driver has run {@code onWorkflowThread} and delivered its value. */
    private <T> T await(Supplier<T> onWorkflowThread) {
        Fiber self = scheduler.current();
        Object[] value = new Object[1];
        boolean[] done = new boolean[1];
        scheduler.lock.lock();
        try {
            requests.add(() -> {
                T v = onWorkflowThread.get();
                inbox.add(() -> {
                    value[0] = v;
                    done[0] = true;
                    scheduler.wake(self);
                });
            });
            scheduler.await(self, () -> done[0]);
        } finally {
            scheduler.lock.unlock();
        }
        @SuppressWarnings("unchecked")
        T v = (T) value[0];
        return v;
    }
}
