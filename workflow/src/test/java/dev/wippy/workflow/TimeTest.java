package dev.wippy.workflow;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durable time on the provider clock (spec 05 §4.2, §3.4, §3.6, §3.7, §4.10; G5, G14): long timers, timeouts,
 * retries and cron schedules, on a manual clock so that hours pass in milliseconds.
 */
class TimeTest {
    @TempDir
    Path dir;
    private WorkflowApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.shutdown();
        }
    }

    private String run(String main, Duration step) throws Exception {
        app.manualClock().process("main", main);
        app.boot();
        ExitResult r = app.runAdvancing("main", step);
        assertThat(r.error()).as("main failed").isNull();
        return String.valueOf(r.value());
    }

    @Test
    void aThirtyDaySleepTakesMillisecondsOfTestTimeAndWorkflowTimeMovesByIt() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function()
                  local before = time.now()
                  time.sleep("720h")
                  local after = time.now()
                  local fired = time.after("1h"):receive()
                  return tostring(after:sub(before):hours() >= 720) .. " " .. tostring(fired:unix() >= after:unix() + 3600)
                end }""");
        String v = run("return { main = function() return process.exec('app:flow', 'app:worker') end }",
                Duration.ofHours(6));
        assertThat(v).isEqualTo("true true");
    }

    @Test
    void anActivityThatNeverReturnsTimesOutAndIsRetriedByItsPolicy() throws Exception {
        app = new WorkflowApp(dir).entry("hang", "kind: function.lua\nmethod: main\nmodules: [time]", """
                local n = 0
                return { main = function() time.sleep("100h") end }""");
        app.workflow("flow", """
                return { main = function()
                  local f = funcs.new():with_options({ ["activity.start_to_close_timeout"] = "1m",
                    ["activity.retry_policy"] = { maximum_attempts = 3, initial_interval = "10s" } })
                  local _, err = f:call("app:hang")
                  return err:kind() .. " " .. tostring(err:retryable()) .. " " .. err:message()
                end }""");
        String v = run("return { main = function() return process.exec('app:flow', 'app:worker') end }",
                Duration.ofSeconds(20));
        assertThat(v).isEqualTo("Timeout false activity app:hang attempt 3 exceeded start_to_close_timeout");
    }

    @Test
    void runAndExecutionTimeoutsEndTheRunWithTimeout() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", "return { main = function() time.sleep('10h') end }");
        String v = run("""
                return { main = function()
                  local _, a = process.with_options({ ["temporal.workflow.run_timeout"] = "2h" })
                    :exec("app:flow", "app:worker")
                  local _, b = process.with_options({ ["temporal.workflow.execution_timeout"] = 3600000 })
                    :exec("app:flow", "app:worker")
                  return a:kind() .. " " .. b:kind() .. " " .. tostring(b:retryable())
                end }""", Duration.ofMinutes(30));
        assertThat(v).isEqualTo("Timeout Timeout false");
    }

    @Test
    void aFailedRunIsRetriedByTheWorkflowRetryPolicyWithANewRunIdAndAttempt() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                local workflow = require("workflow")
                return { main = function()
                  local i = workflow.info()
                  if i.attempt < 3 then error("attempt " .. i.attempt) end
                  return i.attempt .. " " .. i.run_id
                end }""");
        String v = run("""
                return { main = function()
                  local pid = process.with_options({ ["temporal.workflow.retry_policy"] = {
                    initial_interval = "1m", maximum_attempts = 5 } }):spawn_monitored("app:flow", "app:worker")
                  local ev = process.events():receive()
                  return ev.result.value
                end }""", Duration.ofSeconds(30));
        assertThat(v).startsWith("3 ");
    }

    @Test
    void aCronExecutionRunsAgainAfterEachRunUntilItIsTerminated() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function() process.send("ticks", "tick", time.now():unix()) end }""");
        String v = run("""
                return { main = function()
                  process.registry.register("ticks")
                  local ticks = process.listen("tick")
                  local pid = process.with_options({ ["temporal.workflow.cron_schedule"] = "@every 1h" })
                    :spawn_monitored("app:flow", "app:worker")
                  local a, b, c = ticks:receive(), ticks:receive(), ticks:receive()
                  process.terminate(pid)
                  local ev = process.events():receive()
                  return tostring(b - a >= 3600) .. " " .. tostring(c - b >= 3600) .. " " .. ev.result.error:kind()
                end }""", Duration.ofMinutes(20));
        assertThat(v).isEqualTo("true true Canceled");
    }

    @Test
    void aStartDelayWaitsBeforeTheFirstRunAndSignalsSentMeanwhileAreKept() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function() return process.inbox():receive():payload():data() end }""");
        String v = run("""
                return { main = function()
                  local pid = process.with_options({ ["temporal.workflow.start_delay"] = "1h" })
                    :spawn_monitored("app:flow", "app:worker")
                  process.send(pid, "hello", "kept")
                  return process.events():receive().result.value
                end }""", Duration.ofMinutes(10));
        assertThat(v).isEqualTo("kept");
    }
}
