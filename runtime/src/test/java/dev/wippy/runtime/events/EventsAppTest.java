package dev.wippy.runtime.events;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code events} module in a booted app: every entry listing it shares the node's one bus. */
class EventsAppTest {
    @TempDir
    Path dir;

    @Test
    void oneProcessPublishesAndTwoSubscribersEachReceiveEveryEventInOrder() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("subscriber", "kind: process.lua\nmethod: main\nmodules: [events]", """
                        return { main = function(parent, name)
                          local sub = events.subscribe("orders", "order.*")
                          process.send(parent, "ready", name)
                          local seen = {}
                          for _ = 1, 3 do
                            local e = sub:channel():receive()
                            e.data.total = e.data.total * 100      -- this copy is the subscriber's own
                            seen[#seen + 1] = e.kind .. " " .. e.path .. " " .. e.data.total
                          end
                          process.send(parent, "report", name .. ": " .. table.concat(seen, ", "))
                        end }""")
                .entry("publisher", "kind: process.lua\nmethod: main\nmodules: [events]", """
                        return { main = function()
                          for id = 1, 3 do
                            events.send("orders", "order.paid", "/orders/" .. id, { total = id })
                            events.send("orders", "refund", "/orders/" .. id, { total = -id })  -- not order.*
                          end
                        end }""")
                .entry("main", "kind: process.lua\nmethod: main", """
                        return { main = function()
                          local inbox = process.inbox()
                          process.spawn("app:subscriber", "app:processes", process.pid(), "first")
                          process.spawn("app:subscriber", "app:processes", process.pid(), "second")
                          for _ = 1, 2 do inbox:receive() end           -- both subscribed
                          process.spawn("app:publisher", "app:processes")
                          local reports = {}
                          for _ = 1, 2 do reports[#reports + 1] = inbox:receive():payload():data() end
                          table.sort(reports)
                          return table.concat(reports, "\\n")
                        end }""");
        ExitResult r = app.run("main");
        assertThat(r.error()).isNull();
        assertThat(((LuaString) r.value()).toString()).isEqualTo("""
                first: order.paid /orders/1 100, order.paid /orders/2 200, order.paid /orders/3 300
                second: order.paid /orders/1 100, order.paid /orders/2 200, order.paid /orders/3 300""");
    }
}
