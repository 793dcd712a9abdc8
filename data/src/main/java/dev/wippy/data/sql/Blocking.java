package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.sched.Scheduler;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs JDBC work for Lua code (spec 08 §0 "suspends"): on the calling fiber's own virtual thread, but without its
 * execution's baton or host slot ({@link Scheduler#blocking}), so the execution's other coroutines and the host's
 * other processes keep running. A CANCEL event cancels the running statement (the driver reports that as its
 * error); when the execution is killed the statement is cancelled too and no result reaches Lua.
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
        // a CANCEL event aborts the statement; the driver then reports it cancelled
        Execution execution = owner instanceof Execution e ? e : null;
        Runnable onCancel = running::cancel;
        if (execution != null) {
            execution.onCancel(onCancel);
        }
        Thread caller = Thread.currentThread();
        try {
            // killed: the statement is cancelled and a wait for a pooled connection interrupted
            return owner.scheduler().blocking(() -> work.run(running), () -> {
                running.cancel();
                caller.interrupt();
            });
        } finally {
            if (execution != null) {
                execution.removeCancelHook(onCancel);
            }
        }
    }
}
