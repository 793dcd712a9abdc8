package dev.wippy.workflow;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.workflow.embedded.WorkflowAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarantees of spec 05 §6 across a stop and a new start of the runtime in this JVM (the crash harness kills a
 * separate JVM): replay without re-running activities (G3), kept signals (G6), children (G7), non-determinism
 * (G10), independence from the host (G12), durable termination (G13) and timeouts (G14).
 */
class RestartTest {
    @TempDir
    Path dir;
    private WorkflowApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.shutdown();
        }
    }

    private WorkflowApp withCounter() throws Exception {
        return new WorkflowApp(dir).entry("count", "kind: function.lua\nmethod: main\nmodules: [counter]", """
                return { main = function(line) return counter.hit(line) end }""");
    }

    /** Boots, runs {@code main} (which reports when the workflow reached its wait), and stops the runtime. */
    private ExitResult firstLife(String main) throws Exception {
        app.manualClock().process("main", main);
        app.boot();
        ExitResult r = app.run("main");
        assertThat(r.error()).as("first life").isNull();
        app.shutdown();
        return r;
    }

    /** Boots again with {@code main} and runs it while the clock moves. */
    private Object secondLife(String main) throws Exception {
        Files.writeString(dir.resolve("src/main.lua"), main);
        app.boot();
        ExitResult r = app.runAdvancing("main", Duration.ofMinutes(5));
        assertThat(r.error()).as("second life").isNull();
        return r.value();
    }

    private static final String SPAWN_AND_WAIT = """
            return { main = function()
              process.registry.register("probe")
              local ready = process.listen("ready")
              process.with_options({ ["temporal.workflow.id"] = "w1" }):spawn("app:flow", "app:worker")
              local v = ready:receive()
              return v
            end }""";

    private static final String ATTACH = """
            return { main = function()
              local v, err = process.with_options({ ["temporal.workflow.id"] = "w1" }):exec("app:flow", "app:worker")
              return v or ("error " .. err:kind() .. ": " .. err:message())
            end }""";

    @Test
    void aRestartDuringASleepReplaysWithoutRunningActivitiesAgain() throws Exception {
        app = withCounter().workflow("flow", """
                return { main = function()
                  -- the test clock races ahead; an attempt must not time out while it runs
                  local calls = funcs.new():with_options({ ["activity.start_to_close_timeout"] = "1000h" })
                  local a = calls:call("app:count", "first")
                  local id = uuid.v4()
                  process.send("probe", "ready", id)
                  time.sleep("2h")
                  local b = calls:call("app:count", "second")
                  return a .. "," .. b .. "," .. id
                end }""");
        Object id = firstLife(SPAWN_AND_WAIT).value();
        Object v = secondLife(ATTACH);
        assertThat(v).isEqualTo(LuaString.of("1,2," + id));
        assertThat(CounterExtension.lines(dir.resolve("counter.log"))).containsExactly("first", "second");
    }

    @Test
    void signalsSentBeforeTheStopAreReceivedOnceInOrderAfterTheStart() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function()
                  process.send("probe", "ready", true)
                  time.sleep("1h")
                  local inbox, got = process.inbox(), {}
                  for _ = 1, 3 do got[#got + 1] = inbox:receive():payload():data() end
                  local extra = channel.select { inbox:case_receive(), default = true }
                  return table.concat(got, ",") .. (extra.default and "" or " and more")
                end }""");
        firstLife("""
                return { main = function()
                  process.registry.register("probe")
                  local ready = process.listen("ready")
                  local pid = process.with_options({ ["temporal.workflow.id"] = "w1" }):spawn("app:flow", "app:worker")
                  ready:receive()
                  for i = 1, 3 do assert(process.send(pid, "n", i)) end
                end }""");
        assertThat(secondLife(ATTACH)).isEqualTo(LuaString.of("1,2,3"));
    }

    @Test
    void aChildStartsOnceAndItsParentGetsOneExitAcrossARestart() throws Exception {
        app = new WorkflowApp(dir).workflow("child", """
                return { main = function() process.send("probe", "ready", true); time.sleep("2h"); return "grown" end }""")
                .workflow("flow", """
                return { main = function()
                  local events = process.events()
                  process.spawn("app:child", "app:worker")
                  local ev = events:receive()
                  local more = channel.select { events:case_receive(), time.after("3h"):case_receive() }
                  return ev.result.value .. (more.channel == events and " twice" or " once")
                end }""");
        firstLife(SPAWN_AND_WAIT);
        assertThat(secondLife(ATTACH)).isEqualTo(LuaString.of("grown once"));
        try (WorkflowAdmin admin = WorkflowAdmin.open(dir.resolve(".wippy/workflows.db"))) {
            assertThat(admin.list(null)).extracting(WorkflowAdmin.Execution::type)
                    .containsExactlyInAnyOrder("app:flow", "app:child");
        }
    }

    @Test
    void changedCodeBlocksTheRunWithAnErrorLogAndRestoredCodeLetsItFinish() throws Exception {
        String original = """
                return { main = function()
                  funcs.call("app:count", "a")
                  process.send("probe", "ready", true)
                  time.sleep("1h")
                  return "done"
                end }""";
        app = withCounter().workflow("flow", original);
        firstLife(SPAWN_AND_WAIT);
        Files.writeString(dir.resolve("src/flow.lua"), original.replace("\"a\"", "\"b\"").replace("app:count",
                "app:other"));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger workflowLog = (Logger) LoggerFactory.getLogger("wippy.workflow");
        workflowLog.addAppender(log);
        try {
            Files.writeString(dir.resolve("src/main.lua"), "return { main = function() end }");
            app.boot();
            for (int i = 0; i < 100 && log.list.stream().noneMatch(e -> e.getFormattedMessage()
                    .contains("nondeterministic")); i++) {
                app.clock().advance(Duration.ofMinutes(30));
                Thread.sleep(20);
            }
            app.shutdown();
        } finally {
            workflowLog.detachAppender(log);
        }
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("nondeterministic")).hasSize(1)
                .first().satisfies(e -> assertThat(e.getFormattedMessage()).contains("w1")
                        .contains("at command 1 expected activity app:count, got activity app:other"));
        assertThat(CounterExtension.lines(dir.resolve("counter.log"))).containsExactly("a");
        Files.writeString(dir.resolve("src/flow.lua"), original);
        assertThat(secondLife(ATTACH)).isEqualTo(LuaString.of("done"));
    }

    @Test
    void aGracefulStopIsNotACancellationAndTheWorkflowCompletesAfterTheStart() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function()
                  local cancelled = false
                  coroutine.spawn(function()
                    local ev = process.events():receive()
                    if ev.kind == process.event.CANCEL then cancelled = true end
                  end)
                  process.send("probe", "ready", true)
                  time.sleep("1h")
                  return cancelled and "cancelled" or "undisturbed"
                end }""");
        firstLife(SPAWN_AND_WAIT);
        assertThat(secondLife(ATTACH)).isEqualTo(LuaString.of("undisturbed"));
    }

    @Test
    void aTerminationStaysFinalAcrossARestartAndNothingAfterItRuns() throws Exception {
        app = withCounter().workflow("flow", """
                return { main = function()
                  process.send("probe", "ready", true)
                  time.sleep("1h")
                  funcs.call("app:count", "after")
                end }""");
        firstLife("""
                return { main = function()
                  process.registry.register("probe")
                  local ready = process.listen("ready")
                  local pid = process.with_options({ ["temporal.workflow.id"] = "w1" }):spawn("app:flow", "app:worker")
                  ready:receive()
                  assert(process.terminate(pid))
                end }""");
        secondLife("return { main = function() time.sleep('50ms') end }");
        assertThat(CounterExtension.lines(dir.resolve("counter.log"))).isEmpty();
        try (WorkflowAdmin admin = WorkflowAdmin.open(dir.resolve(".wippy/workflows.db"))) {
            WorkflowAdmin.Execution e = admin.get("w1");
            assertThat(e.status()).isEqualTo("terminated");
            assertThat(e.error()).containsEntry("kind", "Canceled");
            assertThat((String) e.error().get("message")).contains("terminated");
        }
    }

    @Test
    void aRunTimeoutIsEnforcedAcrossARestart() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function() process.send("probe", "ready", true); time.sleep("10h") end }""");
        firstLife("""
                return { main = function()
                  process.registry.register("probe")
                  local ready = process.listen("ready")
                  process.with_options({ ["temporal.workflow.id"] = "w1", ["temporal.workflow.run_timeout"] = "2h" })
                    :spawn("app:flow", "app:worker")
                  ready:receive()
                end }""");
        assertThat(secondLife(ATTACH).toString()).startsWith("error Timeout");
    }
}
