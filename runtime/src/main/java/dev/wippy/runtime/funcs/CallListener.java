package dev.wippy.runtime.funcs;

/**
 * Hears of every function invocation that finishes, for metrics: which entry, how long it ran from start to outcome
 * (including the wait for a pool slot), and whether it failed. Called on the thread that finished the invocation,
 * so it must be quick and must not block.
 */
@FunctionalInterface
public interface CallListener {
    void finished(String functionId, long nanos, boolean failed);
}
