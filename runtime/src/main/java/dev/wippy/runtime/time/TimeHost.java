package dev.wippy.runtime.time;

import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.process.Execution;

import java.time.Instant;

/**
 * The clock and the waiting of the context a Lua state runs in (spec 02 §5.1). Processes and functions get
 * {@link ExecutionTimeHost} by default; an embedder with other rules (a workflow recording and replaying time)
 * installs its own host on the state with {@link #install} before the code runs.
 */
public interface TimeHost {
    /** The current instant: the wall clock, or a recorded value in a workflow. */
    Instant now();

    /** Suspends the calling coroutine for at least {@code nanos} (> 0); the other coroutines keep running. */
    void sleep(long nanos);

    /**
     * Runs {@code action} once, on any thread, at least {@code delayNanos} from now, unless cancelled first. The
     * action takes whatever locks it needs itself. Pending actions end with the execution that scheduled them.
     */
    Cancellable schedule(long delayNanos, Runnable action);

    /** A scheduled action that has not run yet can be cancelled; cancelling later is a no-op. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Makes {@code host} the time host of {@code s}. */
    static void install(LuaState s, TimeHost host) {
        s.registry().putStr(Key.HOST, new LuaUserdata(host, null));
    }

    /** The host installed on {@code s}; the execution's own host when none was installed. */
    static TimeHost of(LuaState s) {
        if (s.registry().getStr(Key.HOST) instanceof LuaUserdata u && u.payload() instanceof TimeHost h) {
            return h;
        }
        Execution e = Execution.of(s);
        if (e == null) {
            throw LuaError.library("time: no execution context");
        }
        TimeHost h = ExecutionTimeHost.attach(e);
        install(s, h);
        return h;
    }

    /** Where the host is kept: the state's registry, out of reach of sandboxed code. */
    final class Key {
        static final LuaString HOST = LuaString.of("wippy.time.host");

        private Key() {}
    }
}
