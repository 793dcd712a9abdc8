package dev.wippy.workflow.history;

import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.values.Payload;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.workflow.core.ActivityRequest;
import dev.wippy.workflow.core.ChildRequest;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.core.Operations;
import dev.wippy.workflow.core.RunInfo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Operations that turn into history: live, each operation appends a numbered command; while replaying, each must
 * match the next recorded command of the step (by kind and identity), and recorded values are returned instead of
 * made anew. A mismatch is a non-determinism failure: the failing fiber is unwound and the step must not commit.
 * Completion callbacks wait here, by command number, for the inputs that {@link HistoryRun} applies.
 */
final class HistoryOperations implements Operations {
    private final RunInfo info;
    private final Map<Long, Runnable> timers = new HashMap<>();
    private final Map<Long, Consumer<ExitResult>> activities = new HashMap<>();
    private final Map<Long, ChildWaiter> children = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final List<Command> issued = new ArrayList<>();
    /** Commands of the replayed step not yet issued again; null when running live. */
    private ArrayDeque<Command> expected;
    private long nextSeq = 1;
    private Instant stepTime = Instant.EPOCH;
    private long historyLength;
    private long historySize;
    private String failure;

    HistoryOperations(RunInfo info) {
        this.info = info;
    }

    /** Begins a step at {@code time}; {@code recorded} are its commands when replaying, null when live. */
    void beginStep(Instant time, long length, long size, List<Command> recorded) {
        stepTime = time;
        historyLength = length;
        historySize = size;
        expected = recorded == null ? null : new ArrayDeque<>(recorded);
    }

    /** The commands issued live since the last call. */
    List<Command> drainIssued() {
        List<Command> out = List.copyOf(issued);
        issued.clear();
        return out;
    }

    /** The recorded commands of the replayed step that the code did not issue again. */
    List<Command> unmatched() {
        return expected == null ? List.of() : List.copyOf(expected);
    }

    /** Why the run stopped being deterministic, or null. */
    String failure() {
        return failure;
    }

    /** Fails the step: the message names the position, the expected and the actual command. */
    private Killed nondeterministic(String message) {
        if (failure == null) {
            failure = message;
        }
        return new Killed("nondeterministic", null);
    }

    /** The recorded command matching {@code made} when replaying, else {@code made}, now part of the step. */
    @SuppressWarnings("unchecked")
    private <C extends Command> C issue(C made) {
        if (failure != null) {
            throw new Killed("nondeterministic", null);
        }
        if (expected == null) {
            issued.add(made);
            return made;
        }
        Command want = expected.poll();
        if (want == null || !want.sameAs(made) || want.seq() != made.seq()) {
            throw nondeterministic("at command " + made.seq() + " expected "
                    + (want == null ? "no command" : want.describe()) + ", got " + made.describe());
        }
        return (C) want;
    }

    // ---------------------------------------------------------------- inputs

    void timerFired(long seq) {
        Runnable fired = timers.remove(seq);
        if (fired != null) {
            fired.run();
        }
    }

    void activityCompleted(long seq, ExitResult outcome) {
        Consumer<ExitResult> done = activities.remove(seq);
        if (done != null) {
            done.accept(outcome);
        }
    }

    void childStarted(long seq, ChildStart start) {
        ChildWaiter w = start.error() == null ? children.get(seq) : children.remove(seq);
        if (w != null) {
            w.started.accept(start);
        }
    }

    void childClosed(long seq, ExitResult outcome) {
        ChildWaiter w = children.remove(seq);
        if (w != null) {
            w.closed.accept(outcome);
        }
    }

    private record ChildWaiter(Consumer<ChildStart> started, Consumer<ExitResult> closed) {
    }

    // ---------------------------------------------------------------- operations

    @Override
    public RunInfo info() {
        return info;
    }

    @Override
    public Instant now() {
        return stepTime;
    }

    @Override
    public boolean replaying() {
        return expected != null;
    }

    @Override
    public long historyLength() {
        return historyLength;
    }

    @Override
    public long historySize() {
        return historySize;
    }

    @Override
    public Pending startTimer(long nanos, Runnable fired) {
        long seq = issue(new Command.TimerStarted(nextSeq++, nanos)).seq();
        timers.put(seq, fired);
        return () -> {
            if (timers.remove(seq) != null) {
                issue(new Command.TimerCanceled(nextSeq++, seq));
            }
        };
    }

    @Override
    public Pending scheduleActivity(ActivityRequest r, Consumer<ExitResult> done) {
        long seq = issue(new Command.ActivityScheduled(nextSeq++, r.entryId(), DurableCodec.encodeAll(r.frozenArgs()),
                Encoded.map(r.context()), Encoded.plain(r.options()))).seq();
        activities.put(seq, done);
        return () -> {
            if (activities.remove(seq) != null) {
                issue(new Command.ActivityCanceled(nextSeq++, seq));
            }
        };
    }

    @Override
    public byte[] sideEffect(String kind, Supplier<byte[]> fresh) {
        long seq = nextSeq++;
        if (expected != null) {
            return issue(new Command.ValueRecorded(seq, kind, null)).value();
        }
        return issue(new Command.ValueRecorded(seq, kind, fresh.get())).value();
    }

    @Override
    public long version(String changeId, long min, long max) {
        Long v = versions.get(changeId);
        if (v == null) {
            if (expected == null) {
                v = issue(new Command.VersionMarked(nextSeq++, changeId, max)).version();
            } else if (expected.peek() instanceof Command.VersionMarked m && m.changeId().equals(changeId)) {
                v = issue(new Command.VersionMarked(nextSeq++, changeId, m.version())).version();
            } else {
                v = -1L;
            }
            versions.put(changeId, v);
        }
        if (v < min || v > max) {
            throw nondeterministic("version " + v + " of change '" + changeId + "' is not supported (supported "
                    + min + " to " + max + ")");
        }
        return v;
    }

    @Override
    public Pending startChild(ChildRequest r, Consumer<ChildStart> started, Consumer<ExitResult> closed) {
        long seq = issue(new Command.ChildRequested(nextSeq++, r.entryId(), r.host(),
                DurableCodec.encodeAll(r.frozenArgs()), Encoded.map(r.context()), r.name(),
                Outcomes.encodeMessages(r.startupMessages()), Encoded.plain(r.options()))).seq();
        children.put(seq, new ChildWaiter(started, closed));
        return () -> { };
    }

    @Override
    public void send(String destination, String topic, Payload payload) {
        issue(new Command.MessageSent(nextSeq++, destination, topic, DurableCodec.encode(payload.frozen())));
    }

    @Override
    public void cancelExternal(String destination, String reason) {
        issue(new Command.CancelSent(nextSeq++, destination, reason));
    }

    @Override
    public void terminateExternal(String destination) {
        issue(new Command.TerminateSent(nextSeq++, destination));
    }

    @Override
    public void upsertAttributes(Map<String, Object> search, Map<String, Object> memo) {
        issue(new Command.AttributesUpserted(nextSeq++, Encoded.plain(search), Encoded.plain(memo)));
    }
}
