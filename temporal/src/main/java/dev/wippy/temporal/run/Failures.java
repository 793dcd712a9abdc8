package dev.wippy.temporal.run;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.workflow.history.Outcomes;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * Error objects across Temporal (spec 05 §7): an error becomes an application failure whose type is its kind,
 * non-retryable when {@code retryable() == false}, carrying the whole error (message, flag, details) encoded as
 * its details; back, wrapper failures (activity, child workflow) are unwrapped to the innermost cause, and
 * Temporal's own timeout, cancellation and termination map to TIMEOUT and CANCELED.
 */
public final class Failures {
    private Failures() {
    }

    public static ApplicationFailure toFailure(ErrorObject error) {
        return ApplicationFailure.newBuilder()
                .setType(error.kind().isEmpty() ? ErrorObject.INTERNAL : error.kind())
                .setMessage(error.message())
                .setNonRetryable(Boolean.FALSE.equals(error.retryable()))
                .setDetails(Outcomes.encodeError(error))
                .build();
    }

    /** The error a Lua caller sees for {@code t}, thrown by an activity, a child or a workflow. */
    public static ErrorObject toError(Throwable t) {
        Throwable inner = innermost(t);
        return switch (inner) {
            case ApplicationFailure a -> fromApplication(a);
            case TerminatedFailure x -> ErrorObject.of(ErrorObject.CANCELED, "workflow terminated", false, null);
            case TimeoutFailure x -> ErrorObject.of(ErrorObject.TIMEOUT, "timeout: " + x.getTimeoutType()
                    .name().toLowerCase().replace("timeout_type_", "").replace('_', ' '), false, null);
            case CanceledFailure x -> ErrorObject.of(ErrorObject.CANCELED, "canceled", false, null);
            default -> ErrorObject.of(ErrorObject.INTERNAL, inner.getMessage() == null ? inner.toString()
                    : inner.getMessage(), false, null);
        };
    }

    /** Why a start failed: an existing execution with the ID is ALREADY_EXISTS (spec 05 §3.5). */
    public static ErrorObject startError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // a child's start is refused inside the workflow with the server's cause name in the message only
            if (c instanceof WorkflowExecutionAlreadyStarted
                    || c.getMessage() != null && c.getMessage().contains("ALREADY_STARTED")) {
                return ErrorObject.of(ErrorObject.ALREADY_EXISTS, "workflow already exists", false, null);
            }
        }
        return toError(t);
    }

    public static ExitResult failed(Throwable t) {
        return new ExitResult(null, toError(t));
    }

    private static ErrorObject fromApplication(ApplicationFailure a) {
        if (a.getDetails().getSize() > 0) {
            try {
                ErrorObject e = Outcomes.decodeError(a.getDetails().get(0, byte[].class));
                if (e != null) {
                    return e;
                }
            } catch (RuntimeException notOurs) {
                // details another program put there: the failure's own fields say enough
            }
        }
        return ErrorObject.of(a.getType() == null || a.getType().isEmpty() ? ErrorObject.INTERNAL : a.getType(),
                a.getOriginalMessage(), !a.isNonRetryable(), null);
    }

    /** The innermost Temporal failure of the chain: what the workflow, activity or child actually raised. */
    private static Throwable innermost(Throwable t) {
        Throwable found = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TemporalFailure) {
                found = c;
            }
        }
        return found;
    }
}
