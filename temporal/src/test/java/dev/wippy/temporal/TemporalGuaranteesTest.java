package dev.wippy.temporal;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.workflow.CounterExtension;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Guarantees of spec 05 §6 that Temporal gives, through the runtime's Temporal worker and client on Temporal's
 * in-memory server: activity retries (G4), one outcome for every observer and duplicate starts (G8, G9), signals
 * in order and a cancel request as one CANCEL event (G6, §3.10), termination (G13, §3.12).
 */
class TemporalGuaranteesTest {
    private static final AtomicInteger QUEUES = new AtomicInteger();
    static DevServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = DevServer.start(false);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** An app with a worker of its own task queue, so that tests never share one on the server. */
    private TestApp app() {
        return new TestApp(dir)
                .entry("tclient", server.clientYaml())
                .entry("worker", "kind: temporal.worker\nclient: app:tclient\ntask_queue: guarantees-"
                        + QUEUES.incrementAndGet());
    }

    private static Object run(TestApp app) throws Exception {
        ExitResult r = app.run("main");
        assertThat(r.error()).as("main failed").isNull();
        return r.value();
    }

    @Test
    void activitiesAreRetriedWithTheirPolicysDelaysUntilTheySucceedOrStop() throws Exception {
        TestApp app = app()
                .entry("flaky", "kind: function.lua\nmethod: main\nmodules: [counter]", """
                        return { main = function(key, succeed_at, retryable)
                          counter.hit(key)
                          local n = counter.seen(key)
                          if n < succeed_at then
                            return nil, errors.new({ kind = errors.UNAVAILABLE, message = "attempt " .. n,
                              retryable = retryable })
                          end
                          return "attempt " .. n
                        end }""")
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [funcs, time]", """
                        return { main = function(key, succeed_at, attempts, retryable)
                          local f = funcs.new():with_options({ ["activity.retry_policy"] = {
                            initial_interval = 100, backoff_coefficient = 2, maximum_attempts = attempts } })
                          local before = time.now()
                          local v, err = f:call("app:flaky", key, succeed_at, retryable)
                          return { v = v, err = err and (err:kind() .. " " .. err:message()),
                            ms = time.now():sub(before):milliseconds() }
                        end }""")
                .entry("main", "kind: process.lua\nmethod: main", """
                        return { main = function()
                          local a = process.exec("app:flow", "app:worker", "a", 3, 0)
                          local b = process.exec("app:flow", "app:worker", "b", 3, 2)
                          local c = process.exec("app:flow", "app:worker", "c", 3, 0, false)
                          return table.concat({ a.v, tostring(a.ms >= 300), b.err, c.err }, " | ")
                        end }""");
        assertThat(run(app)).isEqualTo(LuaString.of("attempt 3 | true | Unavailable attempt 2 | Unavailable attempt 1"));
        assertThat(CounterExtension.lines(dir.resolve("counter.log"))).containsExactly("a", "a", "a", "b", "b", "c");
    }

    @Test
    void aClosedExecutionHasOneOutcomeForEveryObserverAndRejectsADuplicateStart() throws Exception {
        TestApp app = app()
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [time]",
                        "return { main = function() time.sleep('50ms'); return 7 end }")
                .entry("watcher", "kind: process.lua\nmethod: main\nmodules: [time]", """
                        return { main = function(pid)
                          process.monitor(pid)
                          local events = process.events()
                          local first = events:receive()
                          local extra = channel.select { events:case_receive(), time.after("300ms"):case_receive() }
                          return first.result.value .. (extra.channel == events and " twice" or " once")
                        end }""")
                .entry("main", "kind: process.lua\nmethod: main", """
                        return { main = function()
                          local id = "once-" .. tostring(os.time())
                          local o = process.with_options({ ["temporal.workflow.id"] = id })
                          local pid = o:spawn("app:flow", "app:worker")
                          local w = process.spawn_monitored("app:watcher", "app:processes", pid)
                          local direct = o:exec("app:flow", "app:worker")
                          local ev = process.events():receive()
                          local _, dup = process.with_options({ ["temporal.workflow.id"] = id,
                            ["temporal.workflow.id_reuse_policy"] = "reject_duplicate" }):spawn("app:flow", "app:worker")
                          local _, gone = process.monitor(pid)
                          return direct .. " " .. ev.result.value .. " " .. dup:kind() .. " " .. gone:kind()
                        end }""");
        assertThat(run(app)).isEqualTo(LuaString.of("7 7 once AlreadyExists NotFound"));
    }

    @Test
    void signalsArriveInOrderAndACancelRequestIsOneEventWhileOperationsGoOn() throws Exception {
        TestApp app = app()
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [time]", """
                        return { main = function()
                          local inbox, got = process.inbox(), {}
                          for _ = 1, 3 do got[#got + 1] = inbox:receive():payload():data() end
                          local events = process.events()
                          local ev = events:receive()
                          local again = channel.select { events:case_receive(), time.after("200ms"):case_receive() }
                          return table.concat(got, ",") .. " " .. ev.kind .. " " .. tostring(ev.reason)
                            .. (again.channel == events and " twice" or " once")
                        end }""")
                .entry("main", "kind: process.lua\nmethod: main", """
                        return { main = function()
                          local pid = process.with_options({}):with_message("n", "first")
                            :spawn("app:flow", "app:worker")
                          process.send(pid, "n", "second")
                          process.send(pid, "n", "third")
                          process.cancel(pid, "enough")
                          process.cancel(pid, "really")
                          process.monitor(pid)
                          return process.events():receive().result.value
                        end }""");
        assertThat(run(app)).isEqualTo(LuaString.of("first,second,third CANCEL enough once"));
    }

    @Test
    void aTerminatedWorkflowRunsNoMoreCodeAndItsObserversSeeCanceled() throws Exception {
        TestApp app = app()
                .entry("hit", "kind: function.lua\nmethod: main\nmodules: [counter]",
                        "return { main = function(line) return counter.hit(line) end }")
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [funcs, time]", """
                        return { main = function()
                          funcs.call("app:hit", "before")
                          time.sleep("2s")
                          funcs.call("app:hit", "after")
                          return "done"
                        end }""")
                .entry("main", "kind: process.lua\nmethod: main\nmodules: [time]", """
                        return { main = function()
                          local pid = process.spawn_monitored("app:flow", "app:worker")
                          time.sleep("300ms")
                          process.terminate(pid)
                          local ev = process.events():receive()
                          local _, again = process.send(pid, "n", 1)
                          return ev.result.error:kind() .. " " .. tostring(ev.result.error:retryable()) .. " "
                            .. tostring(ev.result.error:message():find("terminated") ~= nil) .. " " .. again:kind()
                        end }""");
        assertThat(run(app)).isEqualTo(LuaString.of("Canceled false true NotFound"));
        Thread.sleep(2200);
        assertThat(CounterExtension.lines(dir.resolve("counter.log"))).containsExactly("before");
    }

    @Test
    void aWorkflowAnswersARequestWithAMessageToItsSender() throws Exception {
        TestApp app = app()
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [time]", """
                        return { main = function()
                          local asks = process.listen("status?", { message = true })
                          local m = asks:receive()
                          process.send(m:from(), "status", { state = "waiting" })
                          return "answered"
                        end }""")
                .entry("main", "kind: process.lua\nmethod: main\nmodules: [time]", """
                        return { main = function()
                          local pid = process.spawn_monitored("app:flow", "app:worker")
                          local answers = process.listen("status")
                          process.send(pid, "status?", {})
                          local r = channel.select { answers:case_receive(), time.after("5s"):case_receive() }
                          local exit = process.events():receive()
                          return (r.channel == answers and r.value.state or "no answer") .. " " .. exit.result.value
                        end }""");
        assertThat(run(app)).isEqualTo(LuaString.of("waiting answered"));
    }

    @Test
    void aFailedRunKeepsItsErrorAndARunTimeoutIsATimeout() throws Exception {
        TestApp app = app()
                .entry("failing", "kind: workflow.lua\nmethod: main", """
                        return { main = function()
                          return nil, errors.new({ kind = errors.CONFLICT, message = "stock changed", retryable = true })
                        end }""")
                .entry("slow", "kind: workflow.lua\nmethod: main\nmodules: [time]",
                        "return { main = function() time.sleep('10s'); return 'late' end }")
                .entry("main", "kind: process.lua\nmethod: main", """
                        return { main = function()
                          local _, failed = process.exec("app:failing", "app:worker")
                          local _, late = process.with_options({ ["temporal.workflow.run_timeout"] = "500ms" })
                            :exec("app:slow", "app:worker")
                          return table.concat({ failed:kind(), failed:message(), tostring(failed:retryable()),
                            late:kind(), tostring(late:retryable()) }, " | ")
                        end }""");
        assertThat(run(app)).isEqualTo(LuaString.of("Conflict | stock changed | true | Timeout | false"));
    }

    @Test
    void recordedValuesAndVersionsAreTheSameOnEveryReplay() throws Exception {
        TestApp app = app()
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [time, uuid, workflow]", """
                        return { main = function()
                          local id = uuid.v4()
                          local v = workflow.version("new-pricing", 1, 2)
                          time.sleep("10ms")
                          local again = workflow.version("new-pricing", 1, 2)
                          return id .. " " .. v .. " " .. again .. " " .. tostring(workflow.info().workflow_id ~= nil)
                        end }""")
                .entry("main", "kind: process.lua\nmethod: main", """
                        return { main = function()
                          return process.exec("app:flow", "app:worker")
                        end }""");
        assertThat(run(app).toString()).matches("[0-9a-f-]{36} 2 2 true");
    }

    /**
     * A cancel request from Temporal's own tooling is the same single event (without a sender), the run's timers
     * and activities keep working so that it can compensate, and Temporal then records the run as canceled.
     */
    @Test
    void aCancelRequestFromTemporalToolingIsOneEventAndTheRunMayCompensate() throws Exception {
        TestApp app = app()
                .entry("hit", "kind: function.lua\nmethod: main\nmodules: [counter]",
                        "return { main = function(line) return counter.hit(line) end }")
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [funcs, time]", """
                        return { main = function()
                          local ev = process.events():receive()
                          time.sleep("50ms")
                          funcs.call("app:hit", ev.kind .. " from " .. tostring(ev.from))
                          return "compensated"
                        end }""")
                .entry("main", "kind: process.lua\nmethod: main", """
                        return { main = function()
                          return process.with_options({ ["temporal.workflow.id"] = "tooling-" .. tostring(os.time()) })
                            :spawn("app:flow", "app:worker")
                        end }""");
        var booted = app.boot();
        WorkflowClient client = WorkflowClient.newInstance(WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build()));
        try {
            String pid = String.valueOf(booted.run(booted.target("app:main", null), List.of()).done()
                    .get(30, TimeUnit.SECONDS).value());
            WorkflowStub stub = client.newUntypedWorkflowStub(pid.substring(pid.indexOf('|') + 1, pid.length() - 1));
            stub.cancel("from the UI");
            assertThatThrownBy(() -> stub.getResult(10, TimeUnit.SECONDS, byte[].class))
                    .hasRootCauseInstanceOf(CanceledFailure.class);
            assertThat(CounterExtension.lines(dir.resolve("counter.log"))).containsExactly("CANCEL from nil");
        } finally {
            client.getWorkflowServiceStubs().shutdownNow();
            booted.shutdown(Duration.ofSeconds(5));
        }
    }
}
