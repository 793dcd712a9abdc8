package dev.wippy.workflow;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.workflow.embedded.WorkflowClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An app with a workflow worker ({@code app:worker}) and entries given as YAML and Lua, booted from a folder that
 * outlives a boot (the database stays for the next one). {@link #manualClock()} makes the provider clock a test
 * clock.
 */
final class WorkflowApp {
    private final Path dir;
    private final TestApp app;
    private Application booted;

    WorkflowApp(Path dir) {
        this(dir, "kind: workflow.worker");
    }

    WorkflowApp(Path dir, String workerYaml) {
        this.dir = dir;
        this.app = new TestApp(dir).entry("worker", workerYaml);
    }

    WorkflowApp entry(String name, String yaml, String lua) throws IOException {
        app.entry(name, yaml, lua);
        return this;
    }

    WorkflowApp entry(String name, String yaml) {
        app.entry(name, yaml);
        return this;
    }

    /** A workflow entry with the modules workflows commonly use. */
    WorkflowApp workflow(String name, String lua) throws IOException {
        return entry(name, "kind: workflow.lua\nmethod: main\nmodules: [funcs, time, uuid, workflow]", lua);
    }

    WorkflowApp function(String name, String lua) throws IOException {
        return entry(name, "kind: function.lua\nmethod: main", lua);
    }

    WorkflowApp process(String name, String lua) throws IOException {
        return entry(name, "kind: process.lua\nmethod: main\nmodules: [time]", lua);
    }

    /** Runs on a manual provider clock (spec 05 issue item 4). */
    WorkflowApp manualClock() throws IOException {
        Files.writeString(dir.resolve(".wippy.yaml"), "workflow:\n  clock: manual\n");
        return this;
    }

    Application boot() throws IOException {
        booted = app.boot();
        return booted;
    }

    Application booted() {
        return booted;
    }

    WorkflowClock.Manual clock() {
        return (WorkflowClock.Manual) booted.subsystem(Workflows.class).clock();
    }

    /** Runs {@code app:NAME} on the terminal of the booted app and waits for it. */
    ExitResult run(String name) throws Exception {
        return booted.run(booted.target("app:" + name, null), List.of()).done().get(30, TimeUnit.SECONDS);
    }

    /**
     * Runs {@code app:NAME} while moving the manual clock forward by {@code step} every few milliseconds (timers
     * fall due as soon as they exist), until it ends.
     */
    ExitResult runAdvancing(String name, Duration step) throws Exception {
        var p = booted.run(booted.target("app:" + name, null), List.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!p.done().isDone() && System.nanoTime() < deadline) {
            clock().advance(step);
            Thread.sleep(2);
        }
        return p.done().get(1, TimeUnit.SECONDS);
    }

    /** Boots, runs {@code app:NAME}, shuts down. */
    ExitResult runOnce(String name) throws Exception {
        boot();
        try {
            return run(name);
        } finally {
            shutdown();
        }
    }

    void shutdown() {
        if (booted != null) {
            booted.shutdown(Duration.ofSeconds(5));
            booted = null;
        }
    }
}
