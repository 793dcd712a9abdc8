package dev.wippy.workflow;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec 05 §3.8–§3.11, §4.4: signals, request and reply, cancel and terminate, monitors and links. */
class MessagingTest {
    @TempDir
    Path dir;
    private WorkflowApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.shutdown();
        }
    }

    private Object run(String main) throws Exception {
        app.process("main", main);
        app.boot();
        ExitResult r = app.run("main");
        assertThat(r.error()).as("main failed").isNull();
        return r.value();
    }

    @Test
    void signalsReachListenersAndTheInboxInOrderStartupMessagesFirst() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function()
                  local prices = process.listen("price")
                  local inbox = process.inbox()
                  local got = {}
                  for _ = 1, 3 do got[#got + 1] = "price=" .. prices:receive() end
                  for _ = 1, 2 do
                    local m = inbox:receive()
                    got[#got + 1] = m:topic() .. "=" .. tostring(m:payload():data()) .. "@" .. tostring(m:from() ~= nil)
                  end
                  return table.concat(got, ",")
                end }""");
        Object v = run("""
                return { main = function()
                  local pid = process.with_options({}):with_message("price", 1):with_message("note", "first")
                    :spawn_monitored("app:flow", "app:worker")
                  assert(process.send(pid, "price", 2))
                  assert(process.send(pid, "note", "second"))
                  assert(process.send(pid, "price", 3))
                  return process.events():receive().result.value
                end }""");
        assertThat(v).isEqualTo(LuaString.of("price=1,price=2,price=3,note=first@true,note=second@true"));
    }

    @Test
    void aWorkflowAnswersRequestsByReplyingToTheSender() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function()
                  local asks = process.listen("progress?", { message = true })
                  local stop = process.listen("stop")
                  local done = 0
                  while true do
                    local r = channel.select { asks:case_receive(), stop:case_receive() }
                    if r.channel == stop then return done end
                    done = done + 1
                    process.send(r.value:from(), "progress", { done = done })
                  end
                end }""");
        Object v = run("""
                return { main = function()
                  local answers = process.listen("progress")
                  local pid = process.spawn_monitored("app:flow", "app:worker")
                  process.send(pid, "progress?", {})
                  local a = answers:receive()
                  process.send(pid, "progress?", {})
                  local b = answers:receive()
                  process.send(pid, "stop", true)
                  local ev = process.events():receive()
                  return a.done .. " " .. b.done .. " " .. ev.result.value
                end }""");
        assertThat(v).isEqualTo(LuaString.of("1 2 2"));
    }

    @Test
    void cancelIsAnEventTheWorkflowHandlesAndTerminateEndsItWithCanceled() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function()
                  local ev = process.events():receive()
                  return ev.kind .. ":" .. tostring(ev.reason)
                end }""").workflow("stuck", """
                return { main = function() time.sleep("10h") end }""");
        Object v = run("""
                return { main = function()
                  local events = process.events()
                  local a = process.spawn_monitored("app:flow", "app:worker")
                  assert(process.cancel(a, "changed my mind"))
                  local ea = events:receive()
                  local b = process.spawn_monitored("app:stuck", "app:worker")
                  assert(process.terminate(b))
                  local eb = events:receive()
                  local ok, err = process.send(b, "late", 1)
                  local _, cerr = process.cancel(b)
                  local _, merr = process.monitor(b)
                  return table.concat({ ea.result.value, eb.result.error:kind(),
                    tostring(eb.result.error:retryable()), tostring(eb.result.error:message():find("terminated") ~= nil),
                    err:kind(), tostring(err:message():find("workflow") ~= nil), cerr:kind(), merr:kind() }, " ")
                end }""");
        assertThat(v).isEqualTo(LuaString.of(
                "CANCEL:changed my mind Canceled false true NotFound true NotFound NotFound"));
    }

    @Test
    void linksDeliverExitOnEveryCloseAndLinkDownFirstOnAnAbnormalOne() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function(fail)
                  if fail then error("broken") end
                  return "ok"
                end }""");
        Object v = run("""
                return { main = function()
                  process.set_options({ trap_links = true })
                  local events = process.events()
                  process.spawn_linked("app:flow", "app:worker", false)
                  local normal = events:receive().kind
                  process.spawn_linked("app:flow", "app:worker", true)
                  local first, second = events:receive(), events:receive()
                  return normal .. " " .. first.kind .. " " .. second.kind .. " " .. second.result.error:message()
                end }""");
        assertThat(v).isEqualTo(LuaString.of("EXIT LINK_DOWN EXIT src/flow.lua:2: broken"));
    }

    @Test
    void aLinkedProcessThatDoesNotTrapLinksIsTerminatedWhenTheWorkflowFails() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function() time.sleep("20ms"); error("broken") end }""")
                .process("victim", """
                return { main = function()
                  process.spawn_linked("app:flow", "app:worker")
                  time.sleep("10s")
                  return "survived"
                end }""");
        Object v = run("""
                return { main = function()
                  local pid = process.spawn_monitored("app:victim", "app:processes")
                  local ev = process.events():receive()
                  return ev.result.error:kind() .. " " .. tostring(ev.result.error:message():find("broken") ~= nil)
                end }""");
        assertThat(v).isEqualTo(LuaString.of("Canceled true"));
    }
}
