package dev.wippy.cli;

import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicInteger;

/** Ctrl+C and SIGTERM: the first one starts a graceful shutdown, a second one forces the exit. */
class Signals {
    /** Installs handlers: {@code graceful} on the first signal, {@code forced} on the next. */
    void onInterrupt(Runnable graceful, Runnable forced) {
        AtomicInteger count = new AtomicInteger();
        sun.misc.SignalHandler handler = sig -> {
            if (count.getAndIncrement() == 0) {
                Thread.ofPlatform().name("wippy-shutdown").start(graceful);
            } else {
                forced.run();
            }
        };
        Signal.handle(new Signal("INT"), handler);
        Signal.handle(new Signal("TERM"), handler);
    }

    /** No signal handling, for running commands inside another program (tests). */
    static final class Ignored extends Signals {
        @Override
        void onInterrupt(Runnable graceful, Runnable forced) {
        }
    }
}
