package dev.wippy.temporal;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.values.FrozenTable;
import dev.wippy.temporal.run.StartInput;
import dev.wippy.workflow.history.Outcomes;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workflow sleeping for 30 days, run by the runtime's Temporal worker and waited for through a
 * {@link TestWorkflowEnvironment} with time skipping: the server's clock jumps over the timer, the workflow's own
 * clock (spec 05 §4.2) shows the whole wait, and the activities before and after it each ran once.
 */
class TemporalTimeSkippingTest {
    @TempDir
    Path dir;

    @Test
    void aThirtyDayTimerFiresAtOnceWhenTheServerSkipsTime() throws Exception {
        try (DevServer server = DevServer.start(true)) {
            TestApp app = new TestApp(dir)
                    .entry("tclient", server.clientYaml())
                    .entry("worker", "kind: temporal.worker\nclient: app:tclient\ntask_queue: skipping")
                    .entry("count", "kind: function.lua\nmethod: main\nmodules: [counter]",
                            "return { main = function() return counter.hit('count') end }")
                    .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [funcs, time]", """
                            return { main = function()
                              local first = funcs.call("app:count")
                              local before = time.now()
                              time.sleep("720h")
                              local waited = time.now():sub(before):hours()
                              local second = funcs.call("app:count")
                              return { first = first, second = second, waited = waited }
                            end }""");
            Application booted = app.boot();
            TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                    .setUseExternalService(true).setTarget(server.address()).setUseTimeskipping(true).build());
            try {
                WorkflowStub stub = env.getWorkflowClient().newUntypedWorkflowStub("app:flow",
                        WorkflowOptions.newBuilder().setTaskQueue("skipping").setWorkflowId("long-timer").build());
                stub.start(StartInput.of("app:flow", new Object[0], Map.of(), List.of()).payloads());
                long started = System.nanoTime();
                FrozenTable r = (FrozenTable) Outcomes.decode(stub.getResult(byte[].class)).value();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
                assertThat((Double) r.get("waited")).isBetween(720.0, 721.0);
                assertThat(r.get("first")).isEqualTo(1L);
                assertThat(r.get("second")).isEqualTo(2L);
            } finally {
                env.close();
                booted.shutdown(Duration.ofSeconds(5));
            }
        }
    }
}
