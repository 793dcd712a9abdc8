package dev.wippy.runtime.process;

import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rest of the {@code process} global (spec 02 §2): listeners, cancel, names, options, links, builders. */
class ProcessApiTest {
    private static LuaString str(String s) {
        return LuaString.of(s);
    }

    @Test
    void listenersTakeTheirTopicAsRawDataUntilUnlistened() throws Exception {
        TestNode t = new TestNode(2).entry("app:main", """
                return { main = function()
                  local prices = process.listen("price")
                  local same = process.listen("price") == prices
                  process.send(process.pid(), "price", { sku = "A1", cents = 250 })
                  process.send(process.pid(), "other", "to inbox")
                  local p = prices:receive()
                  local m = process.inbox():receive()
                  local ok = process.unlisten(prices)
                  process.send(process.pid(), "price", 7)
                  local later = process.inbox():receive()
                  local _, bad = process.listen("@inbox")
                  return table.concat({ tostring(same), p.sku, p.cents, m:topic(), m:payload():data(),
                    tostring(ok), later:topic(), later:payload():data(), bad:kind() }, "|")
                end }
                """);
        assertThat(t.run("app:main").value())
                .isEqualTo(str("true|A1|250|other|to inbox|true|price|7|Invalid"));
    }

    @Test
    void cancelDeliversACancelEventWithTheReasonAndTheProcessDecides() throws Exception {
        TestNode t = new TestNode(2).entry("app:worker", """
                return { main = function()
                  local ev = process.events():receive()
                  return ev.kind .. ":" .. ev.reason .. ":" .. tostring(ev.from ~= nil)
                end }
                """).entry("app:main", """
                return { main = function()
                  local w = process.spawn_monitored("app:worker", "app:processes")
                  process.cancel(w, "time to go")
                  local ev = process.events():receive()
                  return ev.kind .. "|" .. ev.result.value .. "|" .. tostring(ev.result.error)
                end }
                """);
        assertThat(t.run("app:main").value()).isEqualTo(str("EXIT|CANCEL:time to go:true|nil"));
    }

    @Test
    void namesResolveForSendingAndAreReleasedWhenTheOwnerExits() throws Exception {
        TestNode t = new TestNode(2).entry("app:named", """
                return { main = function(parent)
                  process.registry.register("svc")
                  process.send(parent, "ready")
                  local m = process.inbox():receive()
                  return m:payload():data()
                end }
                """).entry("app:main", """
                return { main = function()
                  process.spawn_monitored("app:named", "app:processes", process.pid())
                  process.inbox():receive()
                  local _, taken = process.registry.register("svc")
                  process.send("svc", "hello", "by name")
                  local ev = process.events():receive()
                  local gone, err = process.registry.lookup("svc")
                  return ev.result.value .. "|" .. taken:kind() .. "|" .. tostring(gone) .. "|" .. err:kind()
                    .. "|" .. tostring(process.registry.lookup("svc") == nil)
                end }
                """);
        assertThat(t.run("app:main").value()).isEqualTo(str("by name|AlreadyExists|nil|NotFound|true"));
    }

    @Test
    void trappedLinksTurnAPeerFailureIntoALinkDownEvent() throws Exception {
        TestNode t = new TestNode(2).entry("app:crash", """
                return { main = function() error("crashed on purpose") end }
                """).entry("app:main", """
                return { main = function()
                  process.set_options({ trap_links = true })
                  local trapped = process.get_options().trap_links
                  local pid = process.spawn_linked("app:crash", "app:processes")
                  local ev = process.events():receive()
                  return tostring(trapped) .. "|" .. ev.kind .. "|" .. tostring(ev.from == pid) .. "|"
                    .. ev.result.error:message()
                end }
                """);
        assertThat(t.run("app:main").value())
                .isEqualTo(str("true|LINK_DOWN|true|app:crash:1: crashed on purpose"));
    }

    @Test
    void spawnBuildersNameChildrenAndQueueTheirFirstMessages() throws Exception {
        TestNode t = new TestNode(2).entry("app:child", """
                return { main = function()
                  local inbox = process.inbox()
                  local a, b = inbox:receive(), inbox:receive()
                  return a:topic() .. "=" .. a:payload():data() .. "," .. b:topic() .. "=" .. b:payload():data()
                end }
                """).entry("app:main", """
                return { main = function()
                  local base = process.with_options({})
                  local b = base:with_name("kid"):with_message("first", 1):with_message("second", 2)
                  local pid = b:spawn_monitored("app:child", "app:processes")
                  local found = process.registry.lookup("kid") == pid
                  local _, dup = b:spawn("app:child", "app:processes")
                  local ev = process.events():receive()
                  return tostring(found) .. "|" .. dup:kind() .. "|" .. ev.result.value
                end }
                """);
        assertThat(t.run("app:main").value()).isEqualTo(str("true|AlreadyExists|first=1,second=2"));
    }
}
