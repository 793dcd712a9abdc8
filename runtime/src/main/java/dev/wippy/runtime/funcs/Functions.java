package dev.wippy.runtime.funcs;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.EntryCode;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.Node;

import java.util.Map;

/** The function entries of an app and how to start invocations of them. */
public final class Functions {
    /** A callable function entry: its code, pool and default call options ({@code meta.options}). */
    public record Function(String id, EntryCode code, Pool pool, Map<String, Object> options) {}

    private final Node node;
    private final Map<String, Function> byId = new java.util.concurrent.ConcurrentHashMap<>();
    /** Told of every finished invocation when set; null costs calls nothing but a read. */
    private volatile CallListener listener;

    public Functions(Node node) {
        this.node = node;
    }

    /** Tells {@code l} of every invocation that finishes from now on (one listener; null removes it). */
    public void listen(CallListener l) {
        listener = l;
    }

    /** The IDs of the callable function entries. */
    public java.util.Set<String> ids() {
        return java.util.Collections.unmodifiableSet(byId.keySet());
    }

    /** Makes {@code f} callable (replacing an earlier version of the same entry). */
    public void register(Function f) {
        byId.put(f.id(), f);
    }

    /** The entry is gone: calls to it fail with NOT_FOUND; invocations already running go on. */
    public void unregister(String id) {
        byId.remove(id);
    }

    /** A function entry, described from registry data. */
    public static Function function(dev.wippy.runtime.registry.Entry e, EntryCode code) {
        Object options = e.meta().get("options");
        @SuppressWarnings("unchecked")
        Map<String, Object> opts = options instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new Function(e.id(), code, Pool.of(e), opts);
    }

    Function find(String id) {
        return byId.get(id);
    }

    /**
     * Calls a function from Java (queue consumers, schedulers): frozen arguments and context, the entry's own
     * call options (retry, timeout) applied. The future completes with the outcome; cancelling the returned call
     * is {@link Invocation#cancel()}.
     *
     * @throws IllegalArgumentException when no function entry has {@code id}
     */
    public Invocation invoke(String id, Object[] frozenArgs, Map<String, Object> context) {
        Invocation inv = prepare(id, frozenArgs, context);
        inv.call.start();
        return inv;
    }

    /**
     * A call like {@link #invoke}'s, not started yet: {@link Invocation#runHere()} runs it.
     *
     * @throws IllegalArgumentException when no function entry has {@code id}
     */
    public Invocation prepare(String id, Object[] frozenArgs, Map<String, Object> context) {
        Function f = byId.get(id);
        if (f == null) {
            throw new IllegalArgumentException("function not found: " + id);
        }
        return new Invocation(new Call(this, f, frozenArgs, context, CallOptions.merge(f.options(), Map.of())));
    }

    /**
     * One invocation of {@code id} from Java, without the entry's own retry and timeout options: for callers that
     * retry and time out by their own policy (workflow activities, spec 05 §5.2).
     *
     * @throws IllegalArgumentException when no function entry has {@code id}
     */
    public Invocation attempt(String id, Object[] frozenArgs, Map<String, Object> context) {
        Function f = byId.get(id);
        if (f == null) {
            throw new IllegalArgumentException("function not found: " + id);
        }
        return new Invocation(new Call(this, f, frozenArgs, context, CallOptions.merge(Map.of(), Map.of())).start());
    }

    /** A call started from Java: its outcome, and a way to cancel it. */
    public static final class Invocation {
        private final Call call;

        private Invocation(Call call) {
            this.call = call;
        }

        public java.util.concurrent.CompletableFuture<dev.wippy.runtime.process.ExitResult> outcome() {
            return call.outcome();
        }

        /** How many values the function returned once the outcome is there: 0 for a bare {@code return}. */
        public int valueCount() {
            return call.valueCount();
        }

        /**
         * Runs a {@linkplain #prepare prepared} call on the calling thread and returns when it has ended: for a
         * caller that would only wait for it (an HTTP request), where handing the call to another thread and back
         * costs more than a small handler. With a retry policy the attempts run on a thread of their own.
         */
        public void runHere() {
            call.runHere();
        }

        /** Ends the running attempt (CANCELED) and stops retrying. */
        public void cancel() {
            call.cancel();
        }
    }

    /** Starts one invocation of {@code f} for {@code caller} with frozen arguments and context. */
    FunctionExecution start(Function f, Object[] frozenArgs, Map<String, Object> context) {
        FunctionExecution e = open(f, frozenArgs, context);
        e.start();
        return e;
    }

    /** One invocation of {@code f}, counted by its pool and the call listener, not started yet. */
    FunctionExecution open(Function f, Object[] frozenArgs, Map<String, Object> context) {
        f.pool().enter();
        FunctionExecution e = new FunctionExecution(node, f.id(), f.code(), f.pool(), frozenArgs, context);
        CallListener l = listener;
        if (l == null) {
            e.done().whenComplete((r, t) -> f.pool().leave());
        } else {
            long began = System.nanoTime();
            e.done().whenComplete((r, t) -> {
                f.pool().leave();
                l.finished(f.id(), System.nanoTime() - began, t != null || r.error() != null);
            });
        }
        return e;
    }

    /** Validates a call target (spec 03 §3.3.1); null when it is well formed. */
    static ErrorObject invalidTarget(String target) {
        if (target.isEmpty()) {
            return ErrorObject.of(ErrorObject.INVALID, "function ID required", false, null);
        }
        int colon = target.indexOf(':');
        if (colon <= 0) {
            return ErrorObject.of(ErrorObject.INVALID, "namespace required in function ID", false, null);
        }
        if (colon == target.length() - 1) {
            return ErrorObject.of(ErrorObject.INVALID, "name required in function ID", false, null);
        }
        return null;
    }

    /** Context values of a call: the caller's, then the executor's on top. */
    static Map<String, Object> context(Execution caller, Map<String, Object> extra) {
        if (extra.isEmpty()) {
            return caller.context();
        }
        Map<String, Object> all = new java.util.HashMap<>(caller.context());
        all.putAll(extra);
        return Map.copyOf(all);
    }

    Node node() {
        return node;
    }
}
