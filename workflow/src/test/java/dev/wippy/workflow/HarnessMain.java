package dev.wippy.workflow;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.terminal.Terminal;

import java.nio.file.Path;
import java.util.List;

/** The app of the crash harness as its own JVM: boots the app in {@code args[0]} and runs until killed. */
public final class HarnessMain {
    private HarnessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Application.boot(Path.of(args[0]), new Terminal(System.in, System.out, System.err, List.of()));
        System.out.println("harness app running");
        Thread.currentThread().join();
    }
}
