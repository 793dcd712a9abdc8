package dev.wippy.runtime.process;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTest {
    private static Object str(String s) {
        return LuaString.of(s);
    }

    @Test
    void processesExchangeMessagesInOrder() throws Exception {
        TestNode t = new TestNode(2).entry("app:pong", """
                local function main()
                  local inbox = process.inbox()
                  while true do
                    local msg = inbox:receive()
                    process.send(msg:from(), "pong", msg:payload():data())
                  end
                end
                return { main = main }
                """).entry("app:ping", """
                local function main(n)
                  local inbox = process.inbox()
                  local pong = process.spawn("app:pong", "app:processes")
                  local got = {}
                  for i = 1, n do
                    process.send(pong, "ping", {i = i})
                    local msg = inbox:receive()
                    got[#got + 1] = msg:topic() .. msg:payload():data().i
                  end
                  process.terminate(pong)
                  return table.concat(got, ",")
                end
                return { main = main }
                """);
        ExitResult r = t.run("app:ping", 5L);
        assertThat(r.error()).isNull();
        assertThat(r.value()).isEqualTo(str("pong1,pong2,pong3,pong4,pong5"));
    }

    @Test
    void aMonitorReceivesTheExitResultOfAFailedChild() throws Exception {
        TestNode t = new TestNode(2).entry("app:crash", """
                return { main = function(x) error("boom " .. x) end }
                """).entry("app:watch", """
                local function main()
                  local pid = process.spawn_monitored("app:crash", "app:processes", 7)
                  local ev = process.events():receive()
                  return ev.kind .. "|" .. tostring(ev.from == pid) .. "|" .. ev.result.error:kind()
                      .. "|" .. tostring(ev.result.error)
                end
                return { main = main }
                """);
        ExitResult r = t.run("app:watch");
        assertThat(r.value()).isEqualTo(str("EXIT|true|Internal|app:crash:1: boom 7"));
    }

    @Test
    void aLinkedProcessDiesWithItsFailedPeerUnlessItTrapsLinks() throws Exception {
        TestNode t = new TestNode(2).entry("app:crash", """
                return { main = function() error("bad") end }
                """).entry("app:trapper", """
                local function main()
                  process.set_options({ trap_links = true })
                  local pid = process.spawn_linked("app:crash", "app:processes")
                  local ev = process.events():receive()
                  return ev.kind
                end
                return { main = main }
                """).entry("app:victim", """
                local function main()
                  process.spawn_linked("app:crash", "app:processes")
                  process.inbox():receive()
                  return "unreachable"
                end
                return { main = main }
                """);
        assertThat(t.run("app:trapper").value()).isEqualTo(str("LINK_DOWN"));
        ExitResult victim = t.run("app:victim");
        assertThat(victim.error().kind()).isEqualTo(ErrorObject.CANCELED);
        assertThat(victim.error().message()).contains("failed");
    }

    @Test
    void moreRunawayLoopsThanCarriersDoNotStarveOtherProcesses() throws Exception {
        int spinners = Runtime.getRuntime().availableProcessors() + 1;
        TestNode t = new TestNode(spinners + 2).entry("app:spin", """
                return { main = function() while true do end end }
                """).entry("app:main", """
                local time = require("time")
                local function main(n)
                  local spinning = {}
                  for i = 1, n do spinning[i] = process.spawn("app:spin", "app:processes") end
                  local ok = process.exec("app:quick", "app:processes")
                  time.sleep("50ms")
                  for i = 1, n do process.terminate(spinning[i]) end
                  return ok
                end
                return { main = main }
                """).entry("app:quick", """
                return { main = function() return "quick done" end }
                """);
        assertThat(t.run("app:main", (long) spinners).value()).isEqualTo(str("quick done"));
    }

    @Test
    void aRunawayLoopIsTerminatedAndDoesNotStarveOthersOnOneWorker() throws Exception {
        TestNode t = new TestNode(1).entry("app:spin", """
                return { main = function() while true do end end }
                """).entry("app:main", """
                local function main()
                  local spinner = process.spawn_monitored("app:spin", "app:processes")
                  local ok = process.exec("app:quick", "app:processes")
                  process.terminate(spinner)
                  local ev = process.events():receive()
                  return ok .. "|" .. ev.result.error:kind()
                end
                return { main = main }
                """).entry("app:quick", """
                return { main = function() return "quick done" end }
                """);
        assertThat(t.run("app:main").value()).isEqualTo(str("quick done|Canceled"));
    }

    @Test
    void spawnedCoroutinesShareChannelsAndRunOneAtATime() throws Exception {
        TestNode t = new TestNode(2).entry("app:co", """
                local function main()
                  local results = channel.new(8)
                  local order = {}
                  for i = 1, 3 do
                    coroutine.spawn(function()
                      order[#order + 1] = "start" .. i
                      results:send(i * i)
                    end)
                  end
                  local sum = 0
                  for _ = 1, 3 do sum = sum + results:receive() end
                  local unbuffered = channel.new()
                  coroutine.spawn(function() unbuffered:send("hand-off") end)
                  local v = unbuffered:receive()
                  local r = channel.select { unbuffered:case_receive(), default = true }
                  return sum .. "|" .. table.concat(order, ",") .. "|" .. v .. "|" .. tostring(r.default)
                end
                return { main = main }
                """);
        assertThat(t.run("app:co").value()).isEqualTo(str("14|start1,start2,start3|hand-off|true"));
    }

    @Test
    void sendingToAnUnknownNameOrDeadPidReturnsNotFound() throws Exception {
        TestNode t = new TestNode(1).entry("app:s", """
                return { main = function()
                  local ok, err = process.send("nobody", "hi", 1)
                  local ok2, err2 = process.send("{app:processes|0x99999}", "hi")
                  local ok3, err3 = process.send(process.pid(), "@inbox", 1)
                  return tostring(ok) .. "|" .. err:kind() .. "|" .. tostring(tostring(err):find("not found", 1, true) ~= nil)
                      .. "|" .. err2:kind() .. "|" .. err3:kind()
                end }
                """);
        assertThat(t.run("app:s").value()).isEqualTo(str("nil|NotFound|true|NotFound|Invalid"));
    }
}
