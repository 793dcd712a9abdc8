package dev.wippy.temporal;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Determinism (spec 05 §6 G10, G11) with Temporal's {@link WorkflowReplayer}: the history a run recorded replays
 * against the same Lua code, also its recorded values and signal, and a change that issues another command at a
 * recorded position is refused with an error naming both.
 */
class TemporalReplayTest {
    @TempDir
    Path dir;

    private static final String FLOW = """
            return { main = function(n)
              local id = uuid.v4()
              local a = funcs.call("app:double", n)
              time.sleep("10ms")
              local word = process.inbox():receive():payload():data()
              local b = funcs.call("%s", a)
              return id .. " " .. word .. " " .. tostring(b)
            end }""";

    private TestApp app(Path at, DevServer server, String secondActivity) throws Exception {
        return new TestApp(at)
                .entry("tclient", server.clientYaml())
                .entry("worker", "kind: temporal.worker\nclient: app:tclient\ntask_queue: replay")
                .entry("double", "kind: function.lua\nmethod: main", "return { main = function(n) return n * 2 end }")
                .entry("triple", "kind: function.lua\nmethod: main", "return { main = function(n) return n * 3 end }")
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [funcs, time, uuid]",
                        FLOW.formatted(secondActivity))
                .entry("main", "kind: process.lua\nmethod: main", """
                        return { main = function()
                          local pid = process.with_options({ ["temporal.workflow.id"] = "recorded" })
                            :spawn_monitored("app:flow", "app:worker", 5)
                          process.send(pid, "word", "hello")
                          local r = process.events():receive().result
                          return r.value or tostring(r.error)
                        end }""");
    }

    /** Replays {@code history} against the code of the booted app, on a worker that polls nothing. */
    private static void replay(Application app, WorkflowExecutionHistory history) throws Exception {
        Temporal temporal = app.subsystem(Temporal.class);
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("replay");
            temporal.register(worker, temporal.topology().workers().get("app:worker"));
            WorkflowReplayer.replayWorkflowExecution(history, worker);
        }
    }

    @Test
    void aRecordedHistoryReplaysAndACodeChangeThatBreaksItIsRefused() throws Exception {
        try (DevServer server = DevServer.start(false)) {
            Application recorded = app(dir.resolve("v1"), server, "app:double").boot();
            WorkflowExecutionHistory history;
            String result;
            try {
                ExitResult r = recorded.run(recorded.target("app:main", null), List.of()).done()
                        .get(30, TimeUnit.SECONDS);
                result = String.valueOf(r.value());
                WorkflowClient client = WorkflowClient.newInstance(WorkflowServiceStubs.newServiceStubs(
                        WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build()));
                history = client.fetchHistory("recorded");
                client.getWorkflowServiceStubs().shutdownNow();
                assertThat(result).matches("[0-9a-f-]{36} hello 20");
                replay(recorded, history);
            } finally {
                recorded.shutdown(Duration.ofSeconds(5));
            }
            Application changed = app(dir.resolve("v2"), server, "app:triple").boot();
            try {
                assertThatThrownBy(() -> replay(changed, history))
                        .hasStackTraceContaining("app:double")
                        .hasStackTraceContaining("app:triple")
                        .hasStackTraceContaining("NonDeterministic");
            } finally {
                changed.shutdown(Duration.ofSeconds(5));
            }
        }
    }
}
