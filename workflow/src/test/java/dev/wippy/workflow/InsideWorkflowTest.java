package dev.wippy.workflow;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec 05 §4: what workflow code can do, and what it is refused. */
class InsideWorkflowTest {
    @TempDir
    Path dir;
    private WorkflowApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.shutdown();
        }
    }

    /** Runs workflow {@code app:flow} from a process and returns its value (or its error's text). */
    private String flow(String lua) throws Exception {
        app.workflow("flow", lua).process("main", """
                return { main = function()
                  local v, err = process.exec("app:flow", "app:worker")
                  if err then return "error " .. err:kind() .. ": " .. err:message() end
                  return v
                end }""");
        app.boot();
        ExitResult r = app.run("main");
        assertThat(r.error()).as("main failed").isNull();
        return String.valueOf(r.value());
    }

    @Test
    void theWorkflowModuleDescribesTheRunAndVersionsChanges() throws Exception {
        app = new WorkflowApp(dir);
        String v = flow("""
                local workflow = require("workflow")
                return { main = function()
                  local i = workflow.info()
                  local before = workflow.history_length()
                  time.sleep("1ms")
                  local after = workflow.history_length()
                  local v1 = workflow.version("carrier", 1, 2)
                  local v2 = workflow.version("carrier", 1, 2)
                  local _, bad = workflow.version("", 1, 2)
                  local _, bad2 = workflow.version("x", 3, 1)
                  local attrs = workflow.attrs({ search = { Customer = "c1", Tags = { "a", "b" } }, memo = { note = "hi" } })
                  local _, bad3 = workflow.attrs("nope")
                  return table.concat({ i.workflow_type, i.task_queue, i.namespace, tostring(i.attempt),
                    tostring(#i.run_id > 0), tostring(#i.workflow_id > 0), tostring(after > before),
                    tostring(workflow.history_size() > 0), tostring(v1), tostring(v2), bad:kind(), bad2:kind(),
                    tostring(attrs), bad3:kind(), tostring(workflow.continue_as_new) }, " ")
                end }""");
        assertThat(v).isEqualTo("app:flow worker default 1 true true true true 2 2 Invalid Invalid true Invalid nil");
    }

    @Test
    void childWorkflowsReportTheirExitToTheParentAndExecWaitsForThem() throws Exception {
        app = new WorkflowApp(dir).workflow("child", """
                return { main = function(n) if n < 0 then error("negative") end return n * 10 end }""");
        String v = flow("""
                local workflow = require("workflow")
                return { main = function()
                  local events = process.events()
                  local kids = {}
                  for i = 1, 3 do
                    local pid, err = process.spawn("app:child", "app:worker", i)
                    kids[pid] = i
                  end
                  local sum = 0
                  for _ = 1, 3 do
                    local ev = events:receive()
                    sum = sum + ev.result.value + (kids[ev.from] and 0 or 1000)
                  end
                  local direct = workflow.exec("app:child", 7)
                  local _, err = process.exec("app:child", "app:worker", -1)
                  return sum .. " " .. direct .. " " .. err:kind()
                end }""");
        assertThat(v).isEqualTo("60 70 Internal");
    }

    @Test
    void coroutinesFanOutActivitiesAndSelectTakesTheFirstReadyCase() throws Exception {
        app = new WorkflowApp(dir).function("quote", """
                return { main = function(region) return ({ eu = 30, us = 10, ap = 20 })[region] end }""");
        String v = flow("""
                return { main = function()
                  local out = channel.new(3)
                  for _, region in ipairs({ "eu", "us", "ap" }) do
                    coroutine.spawn(function()
                      local price = funcs.call("app:quote", region)
                      out:send({ region = region, price = price })
                    end)
                  end
                  local best
                  for _ = 1, 3 do
                    local q = out:receive()
                    if best == nil or q.price < best.price then best = q end
                  end
                  local a, b = channel.new(1), channel.new(1)
                  a:send("a"); b:send("b")
                  local r = channel.select { b:case_receive(), a:case_receive() }
                  return best.region .. " " .. r.value
                end }""");
        assertThat(v).isEqualTo("us b");
    }

    @Test
    void activitiesRunAsyncCanBeCancelledAndBadOptionsAreRefusedAtOnce() throws Exception {
        app = new WorkflowApp(dir).function("slow", """
                return { main = function() local t = require("time"); t.sleep("10s"); return "late" end }""")
                .entry("slow2", "kind: function.lua\nmethod: main\nmodules: [time]", """
                return { main = function() time.sleep("10s") return "late" end }""")
                .function("quick", "return { main = function(x) return x .. '!' end }");
        String v = flow("""
                return { main = function()
                  local f = funcs.async("app:quick", "hi")
                  local p = f:response():receive()
                  local slow = funcs.async("app:slow2")
                  slow:cancel()
                  local _, cerr = slow:result()
                  local _, oerr = funcs.new():with_options({ ["activity.retry_policy"] = { maximum_interval = 1,
                    initial_interval = 1000 } }):call("app:quick", "x")
                  local _, terr = funcs.call("no-namespace")
                  return p:data() .. " " .. tostring(slow:is_canceled()) .. " " .. cerr:kind() .. " "
                    .. oerr:kind() .. " " .. terr:kind()
                end }""");
        assertThat(v).isEqualTo("hi! true Canceled Invalid Invalid");
    }

    @Test
    void activityFailuresFollowTheTableOfSection411() throws Exception {
        app = new WorkflowApp(dir).function("fails", """
                return { main = function(how)
                  if how == "object" then
                    return nil, errors.new({ kind = errors.CONFLICT, message = "taken", retryable = false })
                  end
                  if how == "raise" then error("crashed") end
                end }""");
        String v = flow("""
                return { main = function()
                  local once = funcs.new():with_options({ ["activity.retry_policy"] = { maximum_attempts = 2,
                    initial_interval = 1 } })
                  local _, a = once:call("app:fails", "object")
                  local _, b = once:call("app:fails", "raise")
                  local _, c = once:call("app:missing")
                  return a:kind() .. ":" .. tostring(a:retryable()) .. ":" .. a:message() .. " "
                    .. b:kind() .. ":" .. tostring(b:retryable()) .. " " .. c:kind() .. ":" .. tostring(c:retryable())
                end }""");
        assertThat(v).isEqualTo("Conflict:false:taken Internal:false NotFound:true");
    }

    @Test
    void processFunctionsForInMemoryProcessesAreRefusedInsideWorkflows() throws Exception {
        app = new WorkflowApp(dir).process("idle", "return { main = function() time.sleep('1s') end }");
        String v = flow("""
                return { main = function()
                  local out = {}
                  local _, e1 = process.spawn_linked("app:flow", "app:worker")
                  local _, e2 = process.link("{app:processes|0x00001}")
                  local _, e3 = process.monitor("{app:processes|0x00001}")
                  local _, e4 = process.registry.register("me")
                  local _, e5 = process.spawn("app:idle", "app:processes")
                  for _, e in ipairs({ e1, e2, e3, e4, e5 }) do
                    out[#out + 1] = e:kind() .. "/" .. tostring(e:message():find("not supported in workflow context") ~= nil)
                  end
                  return table.concat(out, " ")
                end }""");
        assertThat(v).isEqualTo("Invalid/true Invalid/true Invalid/true Invalid/true Invalid/true");
    }

    @Test
    void onlyWorkflowSafeModulesCanBeRequired() throws Exception {
        app = new WorkflowApp(dir).entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [events, time]", """
                return { main = function()
                  local ok, err = pcall(require, "events")
                  return tostring(ok) .. " " .. tostring(err):match("not available in workflow") end }""")
                .entry("proc", "kind: process.lua\nmethod: main\nmodules: [workflow]", """
                return { main = function()
                  local ok, err = pcall(require, "workflow")
                  return tostring(ok) .. " " .. tostring(err):match("not available") end }""")
                .process("main", """
                return { main = function()
                  return process.exec("app:flow", "app:worker") .. " | " .. process.exec("app:proc", "app:processes")
                end }""");
        app.boot();
        ExitResult r = app.run("main");
        assertThat(r.error()).as("main failed").isNull();
        assertThat(r.value()).isEqualTo(LuaString.of("false not available in workflow | false not available"));
    }

    @Test
    void openChildrenFollowTheirParentClosePolicyWhenTheParentCloses() throws Exception {
        app = new WorkflowApp(dir).workflow("child", """
                return { main = function()
                  local events = process.events()
                  local r = channel.select { events:case_receive(), process.inbox():case_receive() }
                  if r.channel == events then process.send("probe", "note", r.value.kind) end
                  return r.value.kind or r.value:topic()
                end }""").workflow("parent", """
                return { main = function()
                  local pids = {}
                  for _, policy in ipairs({ "terminate", "abandon", "request_cancel" }) do
                    pids[policy] = process.with_options({ ["temporal.workflow.id"] = "child-" .. policy,
                      ["temporal.workflow.parent_close_policy"] = policy }):spawn("app:child", "app:worker")
                  end
                  return "parent done"
                end }""").process("main", """
                return { main = function()
                  process.registry.register("probe")
                  local notes = process.listen("note")
                  local parent = process.exec("app:parent", "app:worker")
                  local out = { parent }
                  local events = process.events()
                  for _, policy in ipairs({ "terminate", "abandon" }) do
                    local pid = "{app:worker@app:worker|child-" .. policy .. "}"
                    local ok, err = process.monitor(pid)
                    if ok then
                      if policy == "abandon" then process.send(pid, "still here") end
                      local ev = events:receive()
                      -- a terminated child may still be closing when the parent's exec returns
                      out[#out + 1] = policy .. "=" .. (ev.result.error and "gone" or tostring(ev.result.value))
                    else
                      out[#out + 1] = policy .. "=" .. (err:kind() == "NotFound" and "gone" or err:kind())
                    end
                  end
                  out[#out + 1] = "request_cancel=" .. notes:receive()
                  return table.concat(out, " ")
                end }""");
        app.boot();
        ExitResult r = app.run("main");
        assertThat(r.error()).as("main failed").isNull();
        assertThat(r.value()).isEqualTo(LuaString.of(
                "parent done terminate=gone abandon=still here request_cancel=CANCEL"));
    }

    @Test
    void recordedValuesAndSeededRandomNumbersAreTheSameOnEveryReplay() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function()
                  local seen = { r = math.random(1, 1000000000), u = uuid.v4(), t = time.now():unix_nano() }
                  process.send("probe", "seen", seen)
                  time.sleep("1ms")
                  time.sleep("1ms")
                  return seen
                end }""").process("main", """
                return { main = function()
                  process.registry.register("probe")
                  local seen = process.listen("seen")
                  local v = process.exec("app:flow", "app:worker")
                  local first = seen:receive()
                  local again = channel.select { seen:case_receive(), default = true }
                  return tostring(first.r == v.r and first.u == v.u and first.t == v.t) .. " "
                    .. tostring(again.default == true)
                end }""");
        app.boot();
        ExitResult r = app.run("main");
        assertThat(r.error()).as("main failed").isNull();
        assertThat(r.value()).isEqualTo(LuaString.of("true true"));
    }

}
