package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs JDBC work for Lua code (spec 08 §0 "suspends"): on a virtual thread of its own, while the calling fiber
 * waits without holding its execution's baton or host slot, so the execution's other coroutines and the host's
 * other processes keep running. When the execution is cancelled meanwhile, the running statement is cancelled,
 * the worker interrupted, and no result reaches Lua.
 */
public final class Blocking {
    private Blocking() {
    }

    /** Work on a connection; it registers its statement with {@code running} so that a cancel can abort it. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Running running) throws SQLException;
    }

    /** The statement a piece of work is executing, for cancelling it from the waiting fiber. */
    public static final class Running {
        private final AtomicReference<Statement> statement = new AtomicReference<>();

        public <S extends Statement> S track(S st) {
            statement.set(st);
            return st;
        }

        private void cancel() {
            Statement st = statement.get();
            if (st != null) {
                try {
                    st.cancel();
                } catch (SQLException | RuntimeException ignored) {
                    // the statement ended or its connection broke: nothing left to cancel
                }
            }
        }
    }

    public static <T> T run(LuaState s, Work<T> work) throws SQLException {
        Running running = new Running();
        if (!(s.embedderData() instanceof Scheduler.Owner owner)) {
            return work.run(running);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("sql").start(() -> {
            try {
                result.complete(work.run(running));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        // a CANCEL event aborts the statement; the driver then reports it cancelled
        Execution execution = owner instanceof Execution e ? e : null;
        Runnable onCancel = running::cancel;
        if (execution != null) {
            execution.onCancel(onCancel);
        }
        try {
            return owner.scheduler().awaitFuture(result);
        } catch (Killed k) {
            running.cancel();
            worker.interrupt();
            throw k;
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        } finally {
            if (execution != null) {
                execution.removeCancelHook(onCancel);
            }
        }
    }
}
