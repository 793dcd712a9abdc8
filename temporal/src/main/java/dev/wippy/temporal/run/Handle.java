package dev.wippy.temporal.run;

import dev.wippy.workflow.core.Operations;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;

/**
 * A timer or activity the code waits for: the cancellation scope it was issued in, once issued, and whether the
 * code cancelled it (then its completion is dropped, as a cancelled wait never completes in the core).
 */
final class Handle implements Operations.Pending {
    private final Requests requests;
    private volatile boolean cancelled;
    private CancellationScope scope;

    Handle(Requests requests) {
        this.requests = requests;
    }

    /** Issues {@code command} in a scope of its own (workflow thread), so that it can be cancelled alone. */
    void issue(Runnable command) {
        if (!cancelled) {
            scope = Workflow.newCancellationScope(command);
            scope.run();
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        requests.add(() -> {
            if (scope != null) {
                scope.cancel();
            }
        });
    }
}
