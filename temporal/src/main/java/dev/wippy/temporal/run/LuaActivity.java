package dev.wippy.temporal.run;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.workflow.core.ActivityFailures;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.embedded.ActivityInvoker;
import dev.wippy.workflow.history.Encoded;
import dev.wippy.workflow.history.Outcomes;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.DynamicActivity;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.converter.EncodedValues;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every function and process entry as one Temporal dynamic activity whose type is the entry ID (spec 05 §5): an
 * attempt is a function invocation or a spawned process of the app, heartbeating while it runs so that a
 * cancellation or a lost worker is noticed; a failed attempt raises the error as an application failure, which
 * Temporal retries by the activity's policy.
 */
public final class LuaActivity implements DynamicActivity {
    private static final long HEARTBEAT_MILLIS = 1000;
    private final ActivityInvoker invoker;

    public LuaActivity(ActivityInvoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public Object execute(EncodedValues args) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        String entryId = context.getInfo().getActivityType();
        ActivityInvoker.Attempt attempt;
        try {
            attempt = invoker.start(entryId, DurableCodec.decodeAll(args.get(0, byte[].class)),
                    Encoded.unmap(args.get(1, byte[].class)));
        } catch (IllegalArgumentException e) {
            // a missing activity is retried by policy: the entry may appear (spec 05 §4.11)
            throw Failures.toFailure(ErrorObject.of(ErrorObject.NOT_FOUND, "activity " + entryId + " not found: "
                    + e.getMessage(), true, null));
        }
        ExitResult outcome = await(attempt, context);
        ErrorObject error = ActivityFailures.classify(outcome);
        if (error != null) {
            throw Failures.toFailure(error);
        }
        return Outcomes.encode(outcome);
    }

    private static ExitResult await(ActivityInvoker.Attempt attempt, ActivityExecutionContext context) {
        while (true) {
            try {
                return attempt.outcome().get(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                try {
                    context.heartbeat(null);
                } catch (ActivityCompletionException canceled) {
                    attempt.cancel().run();
                    throw canceled;
                }
            } catch (InterruptedException e) {
                attempt.cancel().run();
                Thread.currentThread().interrupt();
                throw Failures.toFailure(ErrorObject.of(ErrorObject.CANCELED, "activity interrupted", true, null));
            } catch (ExecutionException e) {
                throw Failures.toFailure(ErrorObject.of(ErrorObject.INTERNAL, String.valueOf(e.getCause()), true,
                        null));
            }
        }
    }
}
