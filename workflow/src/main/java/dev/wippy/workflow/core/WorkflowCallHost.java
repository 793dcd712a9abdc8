package dev.wippy.workflow.core;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.funcs.CallHost;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code funcs} inside a workflow (spec 05 §4.9): a call schedules an activity with the executor's
 * {@code activity.*} options; the run's context plus the executor's is what the activity sees. Bad options are
 * returned at once, without a command.
 */
final class WorkflowCallHost implements CallHost {
    private final RunGuard guard;

    WorkflowCallHost(RunGuard guard) {
        this.guard = guard;
    }

    @Override
    public Object start(Execution caller, String id, Object[] frozenArgs, Map<String, Object> context,
                        Map<String, Object> options) {
        ActivityOptions parsed;
        try {
            parsed = ActivityOptions.of(options);
        } catch (OptionError e) {
            return ErrorObject.of(ErrorObject.INVALID, e.getMessage(), false, null);
        }
        Map<String, Object> seen = new HashMap<>(caller.context());
        seen.putAll(context);
        Activity call = new Activity();
        call.pending = guard.ops().scheduleActivity(new ActivityRequest(id, frozenArgs, Map.copyOf(seen), options,
                parsed), call.outcome::complete);
        return call;
    }

    /** A scheduled activity as {@code funcs} sees it. */
    private final class Activity implements Started {
        private final CompletableFuture<ExitResult> outcome = new CompletableFuture<>();
        private Operations.Pending pending;

        @Override
        public CompletableFuture<ExitResult> outcome() {
            return outcome;
        }

        @Override
        public void cancel() {
            if (!outcome.isDone() && !guard.isOver()) {
                pending.cancel();
                outcome.complete(new ExitResult(null, ErrorObject.of(ErrorObject.CANCELED, "activity canceled",
                        false, null)));
            }
        }
    }
}
