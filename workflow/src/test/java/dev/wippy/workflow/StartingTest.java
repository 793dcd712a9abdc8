package dev.wippy.workflow;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec 05 §2.1, §3.1–§3.5, §3.12: starting workflows from processes, their outcomes, IDs and conflicts. */
class StartingTest {
    @TempDir
    Path dir;
    private WorkflowApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.shutdown();
        }
    }

    private static Object str(String s) {
        return LuaString.of(s);
    }

    private ExitResult run(String main) throws Exception {
        app.process("main", main);
        app.boot();
        ExitResult r = app.run("main");
        assertThat(r.error()).as("main failed").isNull();
        return r;
    }

    @Test
    void spawnReturnsTheWorkflowPidAndAMonitorGetsTheResultAsExit() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function(a, b) return { pid = process.pid(), id = process.id(), sum = a + b } end }""");
        ExitResult r = run("""
                return { main = function()
                  local pid = process.spawn_monitored("app:flow", "app:worker", 40, 2)
                  local ev = process.events():receive()
                  local v = ev.result.value
                  return table.concat({ ev.kind, tostring(ev.from == pid), tostring(v.pid == pid), v.id,
                    tostring(v.sum), tostring(pid:match("^{app:worker@app:worker|.+}$") ~= nil) }, " ")
                end }""");
        assertThat(r.value()).isEqualTo(str("EXIT true true app:flow 42 true"));
    }

    @Test
    void howMainEndsDecidesTheOutcome() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function(how)
                  if how == "pair" then return "v", errors.new({ kind = errors.INVALID, message = "bad order" }) end
                  if how == "text" then return nil, "plain text" end
                  if how == "raise" then error("boom") end
                  if how == "coroutine" then
                    coroutine.spawn(function() error("in a coroutine") end)
                    time.sleep("1h")
                  end
                  if how == "function" then return function() end end
                  return "fine"
                end }""");
        ExitResult r = run("""
                return { main = function()
                  local out = {}
                  for _, how in ipairs({ "value", "pair", "text", "raise", "coroutine", "function" }) do
                    local v, err = process.exec("app:flow", "app:worker", how)
                    out[#out + 1] = how .. "=" .. (err and (err:kind() .. ":" .. err:message()) or tostring(v))
                  end
                  return table.concat(out, "|")
                end }""");
        assertThat(r.value().toString()).isEqualTo(String.join("|",
                "value=fine",
                "pair=Invalid:bad order",
                "text=Internal:plain text",
                "raise=Internal:src/flow.lua:4: boom",
                "coroutine=Internal:src/flow.lua:6: in a coroutine",
                "function=Invalid:workflow result: cannot transfer a function value"));
    }

    @Test
    void anExplicitIdIsDeduplicatedAndTheConflictPoliciesApply() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function(tag)
                  local inbox, topics = process.inbox(), {}
                  while true do
                    local m = inbox:receive()
                    if m:topic() == "stop" then return tag .. ":" .. table.concat(topics, ",") end
                    topics[#topics + 1] = m:topic()
                  end
                end }""");
        ExitResult r = run("""
                return { main = function()
                  local out = {}
                  local starter = process.with_options({ ["temporal.workflow.id"] = "order-1" })
                  local a = starter:spawn("app:flow", "app:worker", "first")
                  local b = starter:with_message("hello", 1):spawn("app:flow", "app:worker", "second")
                  out[#out + 1] = tostring(a == b)
                  local _, err = process.with_options({ ["temporal.workflow.id"] = "order-1",
                    ["temporal.workflow.id_conflict_policy"] = "fail" }):spawn("app:flow", "app:worker", "third")
                  out[#out + 1] = err:kind()
                  local _, err2 = process.with_options({ ["temporal.workflow.id"] = "order-1",
                    ["temporal.workflow.execution_error_when_already_started"] = true })
                    :spawn("app:flow", "app:worker", "fourth")
                  out[#out + 1] = err2:kind() .. " " .. tostring(err2:message():find("order-1", 1, true) ~= nil)
                  assert(process.monitor(a))
                  process.send(a, "stop")
                  out[#out + 1] = process.events():receive().result.value
                  local _, err3 = process.with_options({ ["temporal.workflow.id"] = "order-1",
                    ["temporal.workflow.id_reuse_policy"] = "reject_duplicate" }):spawn("app:flow", "app:worker", "x")
                  out[#out + 1] = err3:kind()
                  return table.concat(out, " ")
                end }""");
        assertThat(r.value()).isEqualTo(str("true AlreadyExists AlreadyExists true first:hello AlreadyExists"));
    }

    @Test
    void withNameSetsTheWorkflowIdAndTerminateExistingReplacesTheOpenRun() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function(tag) time.sleep("1h"); return tag end }""");
        ExitResult r = run("""
                return { main = function()
                  local first = process.with_options({}):with_name("job-7"):spawn_monitored("app:flow", "app:worker", "old")
                  local second = process.with_options({}):with_name("job-7"):with_options({
                    ["temporal.workflow.id_conflict_policy"] = "terminate_existing" })
                    :spawn("app:flow", "app:worker", "new")
                  local ev = process.events():receive()
                  process.terminate(second)
                  return tostring(first == second) .. " " .. ev.result.error:kind() .. " "
                    .. tostring(ev.result.error:message():find("terminated") ~= nil)
                    .. " " .. tostring(first:find("job-7", 1, true) ~= nil)
                end }""");
        assertThat(r.value()).isEqualTo(str("true Canceled true true"));
    }

    @Test
    void startErrorsNameWhatIsWrong() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", "return { main = function() return 1 end }")
                .function("fn", "return { main = function() return 1 end }");
        ExitResult r = run("""
                return { main = function()
                  local out = {}
                  local _, e1 = process.spawn("app:nothing", "app:worker")
                  local _, e2 = process.spawn("app:fn", "app:worker")
                  local _, e3 = process.spawn("app:flow", "app:processes")
                  local _, e4 = process.with_options({ ["temporal.workflow.id_conflict_policy"] = "maybe" })
                    :spawn("app:flow", "app:worker")
                  local _, e5 = process.with_options({ ["temporal.workflow.retry_policy"] = { backoff_coefficient = 0.5 } })
                    :spawn("app:flow", "app:worker")
                  local _, e6 = process.spawn("app:flow", "app:worker", function() end)
                  for _, e in ipairs({ e1, e2, e3, e4, e5, e6 }) do out[#out + 1] = e:kind() end
                  return table.concat(out, " ")
                end }""");
        assertThat(r.value()).isEqualTo(str("NotFound Invalid Invalid Invalid Invalid Invalid"));
    }
}
