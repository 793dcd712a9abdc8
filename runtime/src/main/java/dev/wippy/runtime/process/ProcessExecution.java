package dev.wippy.runtime.process;

import dev.wippy.lua.memory.MemoryLimitExceeded;
import dev.wippy.lua.vm.CallResult;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaInterrupt;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.values.Frozen;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A process: an execution whose main function runs on its own virtual thread, on a host, until it returns, fails
 * or is terminated. Its result is delivered to monitors, links and whoever waits on {@link #done()}.
 */
public final class ProcessExecution extends Execution {
    private final Host host;
    private final EntryCode code;
    private final Object[] args;
    private final CompletableFuture<ExitResult> done = new CompletableFuture<>();
    private final long maxMemory;

    ProcessExecution(Node node, String pid, String entryId, Host host, EntryCode code, Object[] frozenArgs,
                     Map<String, Object> context, long maxMemory) {
        super(node, pid, entryId, new Scheduler(host.slots()), context);
        this.host = host;
        this.code = code;
        this.args = frozenArgs;
        this.maxMemory = maxMemory;
    }

    /** The process's state counts what it holds against its limit from the start. */
    @Override
    public void attachState(LuaState s) {
        super.attachState(s);
        s.setMemoryLimit(maxMemory);
    }

    public Host host() {
        return host;
    }

    /** Completes with the result when the process has exited. */
    public CompletableFuture<ExitResult> done() {
        return done;
    }

    void start() {
        dev.wippy.runtime.sched.Carriers.start(pid, this::run);
        dev.wippy.runtime.sched.Carriers.yieldIfBacklogged();
    }

    private void run() {
        ExitResult result;
        try {
            scheduler.startMain();
            LuaFunction main = code.prepare(this);
            // called directly rather than through Interop: every frame here stays in a parked process's stack
            result = returned(CallResult.all(state, main.callv(state, Frozen.thawAll(args))));
        } catch (Throwable e) {
            // what the process built is garbage now; an out-of-memory error needs it freed before the exit work
            state = null;
            result = failed(this, e, "process terminated");
        }
        state = null;
        exit(result);
        host.exited(this);
        node.exited(this);
        done.complete(result);
    }

    /**
     * The result of code of {@code e} that ended by throwing: killed (with the reason's error, else CANCELED with
     * {@code canceled}), a Lua error (as an error object), or a Java failure (INTERNAL, logged once).
     */
    public static ExitResult failed(Execution e, Throwable t, String canceled) {
        ErrorObject error = switch (t) {
            case Killed k when k.errorValue() instanceof ErrorObject err -> err;
            case MemoryLimitExceeded m -> Crashes.report(e.pid(), e.entryId(), m);
            case LuaError err -> errorOf(err.value());
            case LuaInterrupt i -> ErrorObject.of(ErrorObject.CANCELED, canceled);
            default -> Crashes.report(e.pid(), e.entryId(), t);
        };
        return new ExitResult(null, error, ExitResult.Ending.RAISED);
    }

    /** {@code main} returned {@code v [, e]}: abnormal when {@code e} is not nil. */
    private static ExitResult returned(Object[] r) {
        Object value = r.length > 0 ? r[0] : null;
        Object err = r.length > 1 ? r[1] : null;
        try {
            if (err instanceof LuaString text) {
                // a returned string is a deliberate, final answer: not worth retrying (spec 03 §3.5.5)
                return new ExitResult(null, ErrorObject.of(ErrorObject.INTERNAL, text.toString(), false, null),
                        ExitResult.Ending.TEXT);
            }
            return new ExitResult(Frozen.freeze(value), err == null ? null : errorOf(err));
        } catch (Frozen.NotTransferable e) {
            return new ExitResult(null, ErrorObject.of(ErrorObject.INVALID, e.getMessage()));
        }
    }

    /** An error value as an error object: error objects keep their kind, anything else becomes INTERNAL. */
    public static ErrorObject errorOf(Object value) {
        if (value instanceof ErrorObject e) {
            return e;
        }
        return ErrorObject.of(ErrorObject.INTERNAL, Interop.rawToString(value).toString());
    }
}
