package dev.wippy.http.lua;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.runtime.sched.Scheduler;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a blocking I/O step (reading a body) on a virtual thread of its own while the calling execution waits through
 * its scheduler: other coroutines of the execution keep running, and canceling the execution ends the wait.
 */
public final class Blocking {
    private Blocking() {
    }

    public static <T> T call(LuaState s, Callable<T> step) throws Exception {
        return call(s, step, 0);
    }

    /** As {@link #call(LuaState, Callable)}, failing with a {@link java.util.concurrent.TimeoutException} after {@code timeoutMillis} (0: none). */
    public static <T> T call(LuaState s, Callable<T> step, long timeoutMillis) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(step.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        CompletableFuture<T> waited = timeoutMillis > 0 ? f.orTimeout(timeoutMillis,
                java.util.concurrent.TimeUnit.MILLISECONDS) : f;
        try {
            return Scheduler.of(s).awaitFuture(waited);
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }
}
