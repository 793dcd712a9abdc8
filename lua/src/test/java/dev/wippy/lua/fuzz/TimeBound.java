package dev.wippy.lua.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a fuzz try on a thread of its own so that a try that never ends fails the property instead of stalling
 * the build. The stuck thread cannot be stopped; it is a daemon, interrupted and left behind.
 */
public final class TimeBound {
    private TimeBound() {
    }

    /**
     * What {@code work} returns, or what it throws, thrown as it is.
     *
     * @throws AssertionError when {@code work} is still running after {@code limit}, with its stack at that moment
     */
    public static <T> T call(Duration limit, long stackBytes, Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(null, () -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "fuzz-try", stackBytes);
        runner.setDaemon(true);
        runner.start();
        runner.join(limit);
        if (runner.isAlive()) {
            AssertionError hang = new AssertionError("hang: still running after " + limit.toMillis() + " ms");
            hang.setStackTrace(runner.getStackTrace());
            runner.interrupt();
            throw hang;
        }
        switch (thrown.get()) {
            case null -> {
                return result.get();
            }
            case Exception e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(thrown.get());
        }
    }
}
