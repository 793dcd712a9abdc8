package dev.wippy.workflow.embedded;

import dev.wippy.runtime.process.ExitResult;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** How the embedded provider runs an activity attempt: the app's function invocations and processes. */
public interface ActivityInvoker {
    /**
     * Starts one attempt of {@code entryId}.
     *
     * @throws IllegalArgumentException when {@code entryId} is no function or process entry
     */
    Attempt start(String entryId, Object[] frozenArgs, Map<String, Object> context);

    /** The worker an activity entry is bound to ({@code meta.temporal.activity.worker}), or null. */
    String boundWorker(String entryId);

    /** One running attempt: its outcome, and how to cancel it. */
    record Attempt(CompletableFuture<ExitResult> outcome, Runnable cancel) {
    }
}
