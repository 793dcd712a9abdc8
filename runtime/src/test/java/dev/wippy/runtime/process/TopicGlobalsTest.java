package dev.wippy.runtime.process;

import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The globals {@code subscribe(topic, ch)} and {@code unsubscribe(ch)} (spec 03 §3.14, §3.15). */
class TopicGlobalsTest {
    @Test
    void subscribeRoutesATopicIntoTheCallersChannelUntilUnsubscribed() throws Exception {
        TestNode t = new TestNode(2).entry("app:main", """
                return { main = function()
                  local prices = channel.new(4)
                  local ok, again = subscribe("price", prices), subscribe("price", prices)
                  local _, taken = subscribe("price", channel.new())
                  local _, reserved = subscribe("@inbox", prices)
                  process.send(process.pid(), "price", { cents = 250 })
                  local p = prices:receive()
                  local un = unsubscribe(prices)
                  local _, gone = unsubscribe(prices)
                  process.send(process.pid(), "price", 7)
                  local later = process.inbox():receive()
                  local raised = not pcall(subscribe, 1, prices) and not pcall(subscribe, "t", {})
                    and not pcall(unsubscribe, "prices")
                  return table.concat({ tostring(ok), tostring(again), taken:kind(), reserved:kind(), p.cents,
                    tostring(un), gone:kind(), later:topic(), later:payload():data(), tostring(raised) }, "|")
                end }
                """);
        assertThat(t.run("app:main").value())
                .isEqualTo(LuaString.of("true|true|AlreadyExists|Invalid|250|true|Invalid|price|7|true"));
    }
}
