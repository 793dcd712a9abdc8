package dev.wippy.workflow;

import dev.wippy.workflow.embedded.WorkflowAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash harness of spec 05 §6: a separate JVM runs hundreds of workflows (activities, a child each, timers,
 * a signal each) and is killed with SIGKILL at random moments many times, then left to finish. Every workflow
 * must end with the outcome of an uninterrupted run, every activity must have run, every child must exist once and
 * every signal must be received exactly once.
 */
class CrashHarnessTest {
    private static final int WORKFLOWS = 200;
    private static final int KILLS = 12;
    private static final long SEED = 20261202;

    @TempDir
    Path dir;

    @Test
    void workflowsSurviveRepeatedKillsWithExactlyTheirUninterruptedOutcome() throws Exception {
        writeApp();
        Random random = new Random(SEED);
        Path db = dir.resolve(".wippy/workflows.db");
        Set<Integer> signalled = new HashSet<>();
        for (int life = 0; life < KILLS; life++) {
            Process app = start(life);
            Thread.sleep(300 + random.nextInt(2200));
            if (Files.exists(db)) {
                signal(db, signalled);
            }
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Process last = start(KILLS);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (signalled.size() < WORKFLOWS && System.nanoTime() < deadline) {
                if (Files.exists(db)) {
                    signal(db, signalled);
                }
                Thread.sleep(200);
            }
            awaitAllClosed(db);
        } finally {
            last.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(signalled).hasSize(WORKFLOWS);
        try (WorkflowAdmin admin = WorkflowAdmin.open(db)) {
            List<WorkflowAdmin.Execution> all = admin.list(null);
            List<WorkflowAdmin.Execution> orders = all.stream().filter(e -> e.type().equals("app:order")).toList();
            assertThat(orders).hasSize(WORKFLOWS).allSatisfy(e -> assertThat(e.status()).as(e.id())
                    .isEqualTo("completed"));
            for (WorkflowAdmin.Execution e : orders) {
                long n = Long.parseLong(e.id().substring("order-".length()));
                assertThat(e.result()).as(e.id()).isEqualTo(n * 1000 + (n % 10) * 10 + n % 7);
                List<Map<String, Object>> history = admin.history(e.id());
                assertThat(history).as(e.id() + " signals").filteredOn(h -> h.get("event").equals("SignalReceived"))
                        .hasSize(1);
                assertThat(history).as(e.id() + " closings").filteredOn(h -> h.get("event").equals("RunClosed"))
                        .hasSize(1);
            }
            assertThat(all.stream().filter(e -> e.type().equals("app:child")).toList()).hasSize(WORKFLOWS)
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo("completed"));
        }
        List<String> log = CounterExtension.lines(dir.resolve("counter.log"));
        for (int n = 1; n <= WORKFLOWS; n++) {
            assertThat(log).as("activities of order " + n).contains("a" + n, "b" + n, "c" + n);
        }
    }

    /** Signals every running order workflow not signalled yet, each exactly once (the request is durable). */
    private static void signal(Path db, Set<Integer> signalled) {
        try (WorkflowAdmin admin = WorkflowAdmin.open(db)) {
            for (WorkflowAdmin.Execution e : admin.list("running")) {
                if (e.type().equals("app:order")) {
                    int n = Integer.parseInt(e.id().substring("order-".length()));
                    if (signalled.add(n)) {
                        admin.signal(e.id(), "go", (long) (n % 7));
                    }
                }
            }
        }
    }

    private static void awaitAllClosed(Path db) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (WorkflowAdmin admin = WorkflowAdmin.open(db)) {
                List<WorkflowAdmin.Execution> all = admin.list(null);
                if (all.size() == 2 * WORKFLOWS && all.stream().allMatch(e -> e.closedAt() != null)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
    }

    private Process start(int life) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss64m", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED"));
        String replay = System.getProperty("wippy.workflow.replay");
        if (replay != null) {
            cmd.add("-Dwippy.workflow.replay=" + replay);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), HarnessMain.class.getName(),
                dir.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("harness-" + life + ".log").toFile()))
                .start();
    }

    private void writeApp() throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
        Files.writeString(src.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - { name: processes, kind: process.host, lifecycle: { auto_start: true } }
                  - { name: worker, kind: workflow.worker, durability: full }
                  - { name: count, kind: function.lua, source: file://count.lua, method: main, modules: [counter] }
                  - name: child
                    kind: workflow.lua
                    source: file://child.lua
                    method: main
                    modules: [funcs, time]
                  - name: order
                    kind: workflow.lua
                    source: file://order.lua
                    method: main
                    modules: [funcs, time, workflow]
                  - { name: starter, kind: process.lua, source: file://starter.lua, method: main }
                  - name: start_all
                    kind: process.service
                    process: app:starter
                    host: app:processes
                    input: [%d]
                    lifecycle: { auto_start: true }
                """.formatted(WORKFLOWS));
        Files.writeString(src.resolve("count.lua"), "return { main = function(line) return counter.hit(line) end }");
        Files.writeString(src.resolve("child.lua"), """
                return { main = function(n)
                  time.sleep("100ms")
                  funcs.call("app:count", "c" .. n)
                  return n % 10
                end }""");
        Files.writeString(src.resolve("order.lua"), """
                local workflow = require("workflow")
                return { main = function(n)
                  funcs.call("app:count", "a" .. n)
                  local c = workflow.exec("app:child", n)
                  time.sleep("200ms")
                  local s = process.inbox():receive():payload():data()
                  funcs.call("app:count", "b" .. n)
                  return n * 1000 + c * 10 + s
                end }""");
        Files.writeString(src.resolve("starter.lua"), """
                return { main = function(count)
                  local o = process.with_options({ ["temporal.workflow.id_reuse_policy"] = "reject_duplicate" })
                  for n = 1, count do
                    local _, err = o:with_options({ ["temporal.workflow.id"] = "order-" .. n })
                      :spawn("app:order", "app:worker", n)
                    if err and err:kind() ~= errors.ALREADY_EXISTS then error(err) end
                  end
                end }""");
    }
}
