package dev.wippy.runtime.funcs;

import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaInterrupt;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.EntryCode;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.values.Frozen;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One invocation of a function entry (spec 03 §3.2.2): a fresh state, its own PID whose host part is the entry
 * ID, the arguments thawed into it, and an outcome in which only the first result counts and a second result that
 * is an error or a string fails the call.
 */
final class FunctionExecution extends Execution {
    private final EntryCode code;
    private final Object[] args;
    private final Pool pool;
    private final CompletableFuture<ExitResult> done = new CompletableFuture<>();
    /** How many values the function returned; HTTP tells {@code return} from {@code return nil} by it. */
    private volatile int valueCount;

    FunctionExecution(Node node, String entryId, EntryCode code, Pool pool, Object[] frozenArgs,
                      Map<String, Object> context) {
        super(node, node.pids().allocate(entryId), entryId, new Scheduler(null), context);
        this.code = code;
        this.args = frozenArgs;
        this.pool = pool;
    }

    CompletableFuture<ExitResult> done() {
        return done;
    }

    int valueCount() {
        return valueCount;
    }

    void start() {
        node.register(this);
        dev.wippy.runtime.sched.Carriers.start(pid, this::run);
    }

    /** Runs the invocation on the calling thread, returning when it has ended. */
    void runHere() {
        node.register(this);
        run();
    }

    private void run() {
        ExitResult result;
        boolean admitted = false;
        try {
            pool.acquire(scheduler);
            admitted = true;
            scheduler.startMain();
            LuaFunction main = code.prepare(this);
            Object[] values = Interop.call(state, main, Frozen.thawAll(args));
            valueCount = values.length;
            result = returned(values);
        } catch (Throwable e) {
            state = null;
            ExitResult failed = ProcessExecution.failed(this, e, "call canceled");
            result = new ExitResult(null, normalized(failed.error()), failed.ending());
        } finally {
            if (admitted) {
                pool.release();
            }
        }
        state = null;
        exit(result);
        done.complete(result);
    }

    /** The first result is the value; a second result that is an error object or a string fails the call. */
    private static ExitResult returned(Object[] r) {
        Object err = r.length > 1 ? r[1] : null;
        if (err instanceof ErrorObject e) {
            return new ExitResult(null, normalized(e));
        }
        if (err instanceof LuaString text) {
            return new ExitResult(null, ErrorObject.of(ErrorObject.INTERNAL, text.toString(), false, null),
                    ExitResult.Ending.TEXT);
        }
        try {
            return new ExitResult(Frozen.freeze(r.length > 0 ? r[0] : null), null);
        } catch (Frozen.NotTransferable e) {
            return new ExitResult(null, ErrorObject.of(ErrorObject.INVALID, e.getMessage()));
        }
    }

    /** An error without a kind reaches the caller as INTERNAL (spec 03 §3.2.2, rule 5). */
    static ErrorObject normalized(ErrorObject e) {
        return e.kind().isEmpty() ? e.withKind(ErrorObject.INTERNAL) : e;
    }
}
