package dev.wippy.runtime.events;

import dev.wippy.runtime.ModuleLua;
import dev.wippy.runtime.errors.ErrorObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code events} module (spec 03 §3.11), run by processes of one node. */
class EventsModuleTest {
    /** Lua that drains a channel without waiting: {@code drain(ch, fn)} calls {@code fn(event)} for each. */
    private static final String DRAIN = """
            local function drain(ch, fn)
              while true do
                local r = channel.select { ch:case_receive(), default = true }
                if r.default then return end
                fn(r.value)
              end
            end
            """;

    private final BusNode node = new BusNode();

    @Test
    void aSubscriberReceivesMatchingEventsAsFreshTablesWithTheirOwnCopyOfTheData() throws Exception {
        node.process("main", """
                return { main = function()
                  local sub = events.subscribe("orders")
                  local data = { id = 7, items = { "a", "b" } }
                  assert(events.send("orders", "order.paid", "/orders/7", data) == true)
                  data.id = 8                                   -- after sending: not seen by the subscriber
                  events.send("billing", "invoice", "/invoices/1", 1)
                  events.send("orders", "order.shipped", "/orders/7")
                  local ch = sub:channel()
                  local paid, shipped = ch:receive(), ch:receive()
                  return table.concat({ paid.system, paid.kind, paid.path, paid.data.id, #paid.data.items,
                    tostring(rawequal(paid.data, data)), shipped.kind, tostring(shipped.data),
                    tostring(rawequal(sub:channel(), ch)) }, "|")
                end }
                """);
        assertThat(node.run("main")).isEqualTo("orders|order.paid|/orders/7|7|2|false|order.shipped|nil|true");
    }

    @Test
    void patternsMatchEverythingOrAPrefixBeforeATrailingStarOrExactlyTheText() throws Exception {
        node.process("main", DRAIN + """
                return { main = function()
                  local subs = {
                    events.subscribe("orders", "order.*"),
                    events.subscribe("orders.*"),
                    events.subscribe("*", "*"),
                    events.subscribe("orders", ""),
                    events.subscribe("ord*", nil),
                    events.subscribe("a*b"),
                  }
                  for _, e in ipairs({ { "orders", "order.paid" }, { "orders", "order" },
                                       { "orders.eu", "order.paid" }, { "orderbook", "x" },
                                       { "billing", "order.paid" }, { "a*b", "k" }, { "axb", "k" } }) do
                    events.send(e[1], e[2], "/")
                  end
                  local lines = {}
                  for i, sub in ipairs(subs) do
                    local got = {}
                    drain(sub:channel(), function(e) got[#got + 1] = e.system .. "/" .. e.kind end)
                    lines[i] = table.concat(got, " ")
                  end
                  return table.concat(lines, "\\n")
                end }
                """);
        assertThat(node.run("main")).isEqualTo("""
                orders/order.paid
                orders.eu/order.paid
                orders/order.paid orders/order orders.eu/order.paid orderbook/x billing/order.paid a*b/k axb/k
                orders/order.paid orders/order
                orders/order.paid orders/order orders.eu/order.paid orderbook/x
                a*b/k""");
    }

    @Test
    void eventsOfOnePublisherArriveInOrderAndTheNewestAreDroppedBeyond64Waiting() throws Exception {
        node.process("main", DRAIN + """
                return { main = function()
                  local sub = events.subscribe("metrics", "tick")
                  for i = 1, 70 do events.send("metrics", "tick", "/ticks", i) end
                  local got = {}
                  drain(sub:channel(), function(e) got[#got + 1] = e.data end)
                  events.send("metrics", "tick", "/ticks", 71)
                  local later = sub:channel():receive()
                  return #got .. " " .. got[1] .. ".." .. got[#got] .. " then " .. later.data
                end }
                """);
        assertThat(node.run("main")).isEqualTo("64 1..64 then 71");
    }

    @Test
    void closingUnsubscribesAndClosesTheChannelOnce() throws Exception {
        node.process("main", """
                return { main = function()
                  local sub = events.subscribe("orders")
                  events.send("orders", "order.paid", "/orders/1")
                  local first, second = sub:close(), sub:close()
                  events.send("orders", "order.paid", "/orders/2")
                  local ch = sub:channel()
                  local buffered = ch:receive()
                  local v, ok = ch:receive()
                  return table.concat({ tostring(first), tostring(second), buffered.path, tostring(v),
                    tostring(ok) }, "|")
                end }
                """);
        assertThat(node.run("main")).isEqualTo("true|true|/orders/1|nil|false");
        assertThat(node.bus.size()).isZero();
    }

    @Test
    void subscriptionsEndWithTheExecutionThatMadeThem() throws Exception {
        node.process("main", """
                return { main = function()
                  events.subscribe("orders")
                  events.subscribe("billing", "invoice.*")
                  return "subscribed"
                end }
                """);
        assertThat(node.run("main")).isEqualTo("subscribed");
        assertThat(node.bus.size()).as("subscriptions left after the process ended").isZero();
    }

    @Test
    void mistakesRaiseWhileEmptyNamesAndUntransferableDataAreInvalid() throws Exception {
        node.process("main", """
                return { main = function()
                  local out = {}
                  local function raises(f, ...) out[#out + 1] = tostring(not pcall(f, ...)) end
                  local function kind(v, err) out[#out + 1] = tostring(v) .. ":" .. err:kind() end
                  raises(events.send, 1, "k", "/p")
                  raises(events.send, "s", nil, "/p")
                  raises(events.send, "s", "k", {})
                  raises(events.subscribe, nil)
                  raises(events.subscribe, "s", 5)
                  kind(events.send("", "k", "/p"))
                  kind(events.send("s", "", "/p"))
                  kind(events.send("s", "k", ""))
                  kind(events.subscribe(""))
                  kind(events.send("s", "k", "/p", { f = print }))
                  local cyclic = {}
                  cyclic.self = cyclic
                  kind(events.send("s", "k", "/p", cyclic))
                  local sub = events.subscribe("s")
                  raises(sub.close, "not a subscription")
                  raises(function() sub:channel():send(1) end)
                  return table.concat(out, " ")
                end }
                """);
        assertThat(node.run("main")).isEqualTo("true true true true true nil:Invalid nil:Invalid nil:Invalid "
                + "nil:Invalid nil:Invalid nil:Invalid true true");
    }

    @Test
    void outsideAnExecutionSendAndSubscribeReportInternal() {
        ModuleLua lua = new ModuleLua("events", EventsModule.provider(new EventBus())::load) { };
        assertThat(lua.failure("events.send('orders', 'order.paid', '/orders/1')").kind())
                .isEqualTo(ErrorObject.INTERNAL);
        assertThat(lua.failure("events.subscribe('orders')").kind()).isEqualTo(ErrorObject.INTERNAL);
    }
}
