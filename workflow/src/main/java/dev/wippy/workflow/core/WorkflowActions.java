package dev.wippy.workflow.core;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.ProcessActions;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;
import dev.wippy.runtime.sched.Fiber;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.Payload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code process} functions inside a workflow (spec 05 §4.3): sends, cancels and terminations are recorded
 * commands, spawns start child workflows, and what only makes sense for in-memory processes (links, monitors, the
 * name registry) is refused with INVALID.
 */
final class WorkflowActions implements ProcessActions {
    private static final String UNSUPPORTED = "not supported in workflow context";

    private final RunGuard guard;
    private final WorkflowKinds kinds;

    WorkflowActions(RunGuard guard, WorkflowKinds kinds) {
        this.guard = guard;
        this.kinds = kinds;
    }

    @Override
    public void send(Execution self, String destination, String topic, Payload payload) {
        guard.ops().send(destination, topic, payload);
    }

    /** A child workflow; its EXIT arrives on the parent's events channel (spec 05 §4.8). */
    @Override
    public String spawn(Execution self, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options) {
        if (options.link()) {
            throw new SpawnException(ErrorObject.INVALID, "linking is " + UNSUPPORTED);
        }
        return start(self, entryId, hostId, frozenArgs, options, true).pid;
    }

    @Override
    public ExitResult exec(Execution self, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options) {
        return start(self, entryId, hostId, frozenArgs, options, false).awaitOutcome();
    }

    /**
     * Starts a child and waits until its start is confirmed. With {@code exitEvent} its outcome arrives as an EXIT
     * event; otherwise the caller waits for it.
     */
    Child start(Execution self, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options,
                boolean exitEvent) {
        String kind = kinds.kindOf(entryId);
        if (kind == null) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "entry not found: " + entryId);
        }
        if (!kind.equals(WorkflowKinds.WORKFLOW_LUA)) {
            throw new SpawnException(ErrorObject.INVALID, "spawning a " + kind + " is " + UNSUPPORTED
                    + " (only workflow.lua entries start as child workflows)");
        }
        Map<String, Object> plain = plain(options.options());
        StartOptions parsed;
        try {
            parsed = StartOptions.of(plain, options.name(), w -> { });
        } catch (OptionError e) {
            throw new SpawnException(ErrorObject.INVALID, e.getMessage());
        }
        Map<String, Object> context = new HashMap<>(self.context());
        context.putAll(options.context());
        Child child = new Child(self, exitEvent);
        guard.ops().startChild(new ChildRequest(entryId, hostId, frozenArgs, Map.copyOf(context), options.name(),
                options.messages(), plain, parsed), child::started, child::closed);
        child.awaitStart();
        return child;
    }

    /** Option values as plain data: frozen tables become maps and lists. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(Map<String, Object> frozen) {
        Map<String, Object> out = new HashMap<>();
        frozen.forEach((k, v) -> out.put(k, Frozen.toJava(v)));
        return out;
    }

    @Override
    public void cancel(Execution self, String destination, String reason) {
        guard.ops().cancelExternal(destination, reason);
    }

    @Override
    public void terminate(Execution self, String destination) {
        guard.ops().terminateExternal(destination);
    }

    @Override
    public void monitor(Execution self, String destination) {
        throw unsupported("monitoring");
    }

    @Override
    public void unmonitor(Execution self, String destination) {
        throw unsupported("monitoring");
    }

    @Override
    public void link(Execution self, String destination) {
        throw unsupported("linking");
    }

    @Override
    public void unlink(Execution self, String destination) {
        throw unsupported("linking");
    }

    @Override
    public void register(Execution self, String name, String pid) {
        throw unsupported("the name registry");
    }

    @Override
    public String lookup(Execution self, String name) {
        throw unsupported("the name registry");
    }

    @Override
    public boolean unregister(Execution self, String name) {
        throw unsupported("the name registry");
    }

    private static SpawnException unsupported(String what) {
        return new SpawnException(ErrorObject.INVALID, what + " is " + UNSUPPORTED);
    }

    /** A started child as its parent's fiber sees it: the start confirmation, then the outcome. */
    static final class Child {
        private final Execution parent;
        private final boolean exitEvent;
        private final Fiber fiber;
        private Operations.ChildStart start;
        private ExitResult outcome;
        private String pid;

        Child(Execution parent, boolean exitEvent) {
            this.parent = parent;
            this.exitEvent = exitEvent;
            this.fiber = parent.scheduler().current();
        }

        void started(Operations.ChildStart s) {
            start = s;
            pid = s.pid();
            parent.scheduler().wake(fiber);
        }

        void closed(ExitResult r) {
            outcome = r;
            if (exitEvent) {
                parent.routeNow(List.of(new Event(Event.EXIT, pid, r, null)));
            } else {
                parent.scheduler().wake(fiber);
            }
        }

        private void awaitStart() {
            await(() -> start != null);
            if (start.error() != null) {
                throw new SpawnException(start.error().kind(), start.error().message());
            }
        }

        ExitResult awaitOutcome() {
            await(() -> outcome != null);
            return outcome;
        }

        private void await(java.util.function.BooleanSupplier done) {
            Scheduler s = parent.scheduler();
            s.lock.lock();
            try {
                s.await(fiber, done);
            } finally {
                s.lock.unlock();
            }
        }
    }
}
