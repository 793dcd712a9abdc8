package dev.wippy.runtime.funcs;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.ExitResult;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One call of a function through the interceptors: attempts (fresh invocations) under the retry policy, bounded
 * by the timeout. Completes {@link #outcome()} once; {@link #cancel} ends the running attempt and stops retrying.
 */
final class Call implements CallHost.Started {
    private static final Set<String> NOT_RETRIED_BY_DEFAULT = Set.of(ErrorObject.INVALID,
            ErrorObject.PERMISSION_DENIED, ErrorObject.INTERNAL);

    private final Functions functions;
    private final Functions.Function function;
    private final Object[] args;
    private final Map<String, Object> context;
    private final CallOptions options;
    private final CompletableFuture<ExitResult> outcome = new CompletableFuture<>();
    private volatile FunctionExecution attempt;
    private volatile ScheduledFuture<?> deadline;

    Call(Functions functions, Functions.Function function, Object[] args, Map<String, Object> context,
         CallOptions options) {
        this.functions = functions;
        this.function = function;
        this.args = args;
        this.context = context;
        this.options = options;
    }

    @Override
    public CompletableFuture<ExitResult> outcome() {
        return outcome;
    }

    Call start() {
        startDeadline();
        if (options.retry().maxAttempts() <= 1) {
            singleAttempt().start();
        } else {
            dev.wippy.runtime.sched.Carriers.start("retry " + function.id(), this::retrying);
        }
        return this;
    }

    /** Runs a single-attempt call on this thread until it ends; with retries, waits for them instead. */
    void runHere() {
        if (options.retry().maxAttempts() > 1) {
            start();
            outcome.join();
            return;
        }
        startDeadline();
        singleAttempt().runHere();
    }

    /** The one attempt of a call without retries, not started yet; its outcome is the call's. */
    private FunctionExecution singleAttempt() {
        FunctionExecution e = functions.open(function, args, context);
        attempt = e;
        e.done().thenAccept(this::finish);
        return e;
    }

    private void startDeadline() {
        Duration timeout = options.timeout();
        if (timeout != null && !timeout.isZero()) {
            deadline = functions.node().timers().schedule(() -> end(ErrorObject.of(ErrorObject.TIMEOUT,
                    "call to " + function.id() + " timed out after " + timeout.toMillis() + "ms", true, null)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void retrying() {
        CallOptions.Retry retry = options.retry();
        for (int k = 1; ; k++) {
            FunctionExecution e = functions.start(function, args, context);
            attempt = e;
            ExitResult r = e.done().join();
            if (!r.isAbnormal() || k >= retry.maxAttempts() || !retryable(r.error(), retry) || outcome.isDone()) {
                finish(r);
                return;
            }
            try {
                Thread.sleep(retry.backoff().jittered(k));
            } catch (InterruptedException ie) {
                return;
            }
            if (outcome.isDone()) {
                return;
            }
        }
    }

    /** Spec 03 §3.2.5 rule 2. */
    static boolean retryable(ErrorObject e, CallOptions.Retry retry) {
        if (Boolean.FALSE.equals(e.retryable()) || e.kind().equals(ErrorObject.CANCELED)) {
            return false;
        }
        if (retry.skipKinds().contains(e.kind())) {
            return false;
        }
        if (retry.retryKinds() != null) {
            return retry.retryKinds().contains(e.kind());
        }
        return !NOT_RETRIED_BY_DEFAULT.contains(e.kind());
    }

    private void finish(ExitResult r) {
        if (outcome.complete(r) && deadline != null) {
            deadline.cancel(false);
        }
    }

    /** Ends the call with {@code error}: the running attempt is terminated and no retry follows. */
    void end(ErrorObject error) {
        if (outcome.complete(new ExitResult(null, error))) {
            if (deadline != null) {
                deadline.cancel(false);
            }
            FunctionExecution e = attempt;
            if (e != null) {
                e.terminate(error);
            }
        }
    }

    /** How many values the last attempt returned (0 before it returned, or when it failed). */
    int valueCount() {
        FunctionExecution e = attempt;
        return e == null ? 0 : e.valueCount();
    }

    @Override
    public void cancel() {
        end(ErrorObject.of(ErrorObject.CANCELED, "call to " + function.id() + " canceled", false, null));
    }
}
