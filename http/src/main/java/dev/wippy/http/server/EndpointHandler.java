package dev.wippy.http.server;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.funcs.Functions;
import dev.wippy.runtime.process.ExitResult;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Runs an endpoint's {@code function.lua} once per request (spec 07 §2.1) and turns its outcome into the response
 * (§2.2). The server's thread waits for the invocation, which runs on a virtual thread of its own; the invocation
 * is canceled when the request is cut short.
 */
public final class EndpointHandler implements Handler {
    private static final Object[] NO_ARGS = {};

    private final Functions functions;
    private final String functionId;
    private final Function<Exchange, Map<String, Object>> context;

    /** @param context the context values of the invocation (the request handle, the request ID) */
    public EndpointHandler(Functions functions, String functionId, Function<Exchange, Map<String, Object>> context) {
        this.functions = functions;
        this.functionId = functionId;
        this.context = context;
    }

    @Override
    public void handle(Exchange x) {
        Functions.Invocation inv;
        try {
            inv = functions.prepare(functionId, NO_ARGS, context.apply(x));
        } catch (IllegalArgumentException e) {
            x.reply().plainError(500, e.getMessage());
            return;
        }
        Runnable cancel = inv::cancel;
        x.onAbort(cancel);
        inv.runHere();
        ExitResult r = await(inv.outcome());
        x.removeAbortHook(cancel);
        Reply reply = x.reply();
        x.endHandler();
        if (x.abortReason() != null) {
            reply.plainError(503, x.abortReason());
            return;
        }
        if (reply.handled()) {
            return;
        }
        if (r.error() != null) {
            reply.plainError(500, r.error().message());
        } else if (inv.valueCount() == 0) {
            reply.plainError(500, "no response sent");
        } else {
            // returned values are not serialised (preserved reference behaviour)
            reply.setHeader("Content-Type", "application/json");
        }
    }

    /** The outcome; the server's thread keeps waiting through interrupts, the invocation decides when it ends. */
    private static ExitResult await(CompletableFuture<ExitResult> outcome) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return outcome.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return new ExitResult(null, ErrorObject.of(ErrorObject.INTERNAL, String.valueOf(e.getCause())));
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
