package dev.wippy.runtime.process;

import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec 02 §2.9: a message is routed to a listener or the inbox only when its receiver blocks, so a process that
 * subscribes before its first blocking operation gets every message sent since its spawn.
 */
class MessageRoutingTest {
    private static Object str(String s) {
        return LuaString.of(s);
    }

    @RepeatedTest(20)
    void aFreshProcessListeningBeforeItsFirstBlockGetsTheMessagesSentRightAfterItsSpawn() throws Exception {
        TestNode t = new TestNode(2).entry("app:worker", """
                local function main()
                  local messages = process.listen("messages")
                  local x = messages:receive()
                  return x.n
                end
                return { main = main }
                """).entry("app:parent", """
                local function main()
                  local pid = process.spawn_monitored("app:worker", "app:processes")
                  process.send(pid, "messages", { n = 42 })
                  local ev = process.events():receive()
                  return ev.kind .. " " .. tostring(ev.result.value) .. " " .. tostring(ev.result.error)
                end
                return { main = main }
                """);
        assertThat(t.run("app:parent").value()).isEqualTo(str("EXIT 42 nil"));
    }

    @RepeatedTest(20)
    void requestAndReplyWorkRightAfterSpawn() throws Exception {
        TestNode t = new TestNode(2).entry("app:server", """
                local function main()
                  local requests = process.listen("request", { message = true })
                  local m = requests:receive()
                  process.link(m:from())
                  process.send(m:from(), "reply", m:payload():data().n * 2)
                  return "served"
                end
                return { main = main }
                """).entry("app:client", """
                local function main()
                  local replies = process.listen("reply")
                  local pid = process.spawn("app:server", "app:processes")
                  process.send(pid, "request", { n = 21 })
                  return replies:receive()
                end
                return { main = main }
                """);
        assertThat(t.run("app:client").value()).isEqualTo(42L);
    }

    /**
     * Random interleavings of spawn, send (before the receiver starts, while it runs, while it is blocked), listen,
     * unlisten, inbox and events, checked against a model of §2.9: messages wait in the mailbox and are routed, in
     * arrival order, with the subscriptions in force when the receiver next blocks.
     */
    @Test
    void routingFollowsTheReferenceModelOverRandomInterleavings() throws Exception {
        TestNode t = new TestNode(2).entry("app:quick", "return { main = function() return 1 end }")
                .entry("app:receiver", RECEIVER).entry("app:driver", DRIVER);
        for (long seed = 1; seed <= 150; seed++) {
            Scenario s = Scenario.random(new Random(seed));
            ExitResult r = t.run("app:driver", str(s.receiverPlan()), str(s.driverPlan()));
            assertThat(r.error()).as("seed %d", seed).isNull();
            assertThat(perSender(r.value().toString()))
                    .as("seed %d: %s / %s", seed, s.receiverPlan(), s.driverPlan())
                    .isEqualTo(perSender(s.expected()));
        }
    }

    /**
     * The receiver's own sends and the driver's race while the receiver runs, so only the order per sender is
     * fixed: each channel's list, with the receiver's values (from {@value #OWN}) moved behind the driver's.
     */
    private static String perSender(String report) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\\[([^]]*)]").matcher(report);
        while (m.find()) {
            List<String> driver = new ArrayList<>();
            List<String> own = new ArrayList<>();
            for (String item : m.group(1).split(",")) {
                if (!item.isEmpty()) {
                    (Integer.parseInt(item.replaceAll("^\\D+", "")) >= OWN ? own : driver).add(item);
                }
            }
            driver.addAll(own);
            m.appendReplacement(out, Matcher.quoteReplacement("[" + String.join(",", driver) + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final int OWN = 1000;

    /**
     * Runs the receiver's plan: {@code L t r|m} listens (raw data or message objects), {@code U t} unlistens,
     * {@code S t n} sends to itself, {@code C} spawns a monitored child that exits at once, {@code B} blocks
     * until the driver says go. Then it counts the children's EXIT events and reports what each channel holds.
     */
    private static final String RECEIVER = """
            local function main(driver, plan)
              local ctl = process.listen("ctl")
              local subs, order, children = {}, {}, 0
              local block = 0
              for op in string.gmatch(plan, "[^;]+") do
                local k, t, x = op:match("^(%a) ?(%w*) ?(%w*)$")
                if k == "L" then
                  local ch = process.listen(t, { message = x == "m" })
                  if not subs[t] then subs[t] = { ch = ch, mode = x } end
                elseif k == "U" then
                  assert(process.unlisten(subs[t].ch))
                  subs[t] = nil
                elseif k == "S" then
                  process.send(process.pid(), t, tonumber(x))
                elseif k == "C" then
                  process.spawn_monitored("app:quick", "app:processes")
                  children = children + 1
                else
                  block = block + 1
                  process.send(driver, "at", block)
                  ctl:receive()
                end
              end
              local exits = 0
              for _ = 1, children do
                if process.events():receive().kind == process.event.EXIT then exits = exits + 1 end
              end
              local function drain(ch, fmt)
                local out = {}
                while true do
                  local r = channel.select { ch:case_receive(), default = true }
                  if r.default then break end
                  out[#out + 1] = fmt(r.value)
                end
                return table.concat(out, ",")
              end
              local parts = { "exits=" .. exits,
                "inbox[" .. drain(process.inbox(), function(m) return m:topic() .. ":" .. m:payload():data() end) .. "]" }
              local topics = {}
              for t in pairs(subs) do topics[#topics + 1] = t end
              table.sort(topics)
              for _, t in ipairs(topics) do
                local sub = subs[t]
                parts[#parts + 1] = t .. "[" .. drain(sub.ch, function(v)
                  if sub.mode == "m" then return v:topic() .. ":" .. v:payload():data() end
                  return t .. "=" .. v
                end) .. "]"
              end
              return table.concat(parts, " ")
            end
            return { main = main }
            """;

    /**
     * Spawns the receiver and sends phase 0 at once (before it can start); phase k after the receiver reported its
     * k-th block, then go. Phases are separated by {@code |}, sends by {@code ,}.
     */
    private static final String DRIVER = """
            local function main(receiver_plan, driver_plan)
              local at = process.listen("at")
              local phases = {}
              for p in string.gmatch(driver_plan .. "|", "([^|]*)|") do phases[#phases + 1] = p end
              local function send_phase(pid, k)
                for t, n in string.gmatch(phases[k + 1] or "", "(%w+) (%d+)") do
                  process.send(pid, t, tonumber(n))
                end
              end
              local pid = process.spawn_monitored("app:receiver", "app:processes", process.pid(), receiver_plan)
              send_phase(pid, 0)
              local events = process.events()
              while true do
                local r = channel.select { at:case_receive(), events:case_receive() }
                if r.channel == events then
                  if r.value.result.error then return "failed: " .. tostring(r.value.result.error) end
                  return r.value.result.value
                end
                send_phase(pid, r.value)
                process.send(pid, "ctl", "go")
              end
            end
            return { main = main }
            """;

    /** One random plan for the receiver and the driver, and what the model of §2.9 says the receiver ends with. */
    record Scenario(String receiverPlan, String driverPlan, String expected) {
        private static final String[] TOPICS = {"a", "b", "c"};

        static Scenario random(Random rnd) {
            List<String> ops = new ArrayList<>();
            List<String> phases = new ArrayList<>();
            Model model = new Model();
            int next = 1;
            int own = OWN;
            int blocks = 1 + rnd.nextInt(4);
            phases.add(sends(rnd, model, next));
            next += 10;
            for (int b = 1; b <= blocks; b++) {
                int n = rnd.nextInt(5);
                for (int i = 0; i < n; i++) {
                    String t = TOPICS[rnd.nextInt(TOPICS.length)];
                    switch (rnd.nextInt(4)) {
                        case 0 -> {
                            String mode = rnd.nextBoolean() ? "m" : "r";
                            ops.add("L " + t + " " + mode);
                            model.listen(t, mode);
                        }
                        case 1 -> {
                            if (model.subscribed(t)) {
                                ops.add("U " + t);
                                model.unlisten(t);
                            }
                        }
                        case 2 -> {
                            ops.add("S " + t + " " + own);
                            model.arrive(t, own++);
                        }
                        default -> {
                            ops.add("C");
                            model.children++;
                        }
                    }
                }
                ops.add("B");
                model.block();
                phases.add(sends(rnd, model, next));
                next += 10;
                model.block();
            }
            return new Scenario(String.join(";", ops), String.join("|", phases), model.report());
        }

        /** Up to four sends from the driver; they arrive before the receiver's next block (or during it). */
        private static String sends(Random rnd, Model model, int first) {
            List<String> out = new ArrayList<>();
            int n = rnd.nextInt(5);
            for (int i = 0; i < n; i++) {
                String t = TOPICS[rnd.nextInt(TOPICS.length)];
                out.add(t + " " + (first + i));
                model.arrive(t, first + i);
            }
            return String.join(",", out);
        }
    }

    /** The reference model: a mailbox routed at blocks, listener queues that vanish with their subscription. */
    static final class Model {
        private final List<Object[]> mailbox = new ArrayList<>();
        private final List<String> inbox = new ArrayList<>();
        private final Map<String, String> modes = new LinkedHashMap<>();
        private final Map<String, List<String>> queues = new LinkedHashMap<>();
        int children;

        boolean subscribed(String t) {
            return modes.containsKey(t);
        }

        void listen(String t, String mode) {
            if (!modes.containsKey(t)) {
                modes.put(t, mode);
                queues.put(t, new ArrayList<>());
            }
        }

        void unlisten(String t) {
            modes.remove(t);
            queues.remove(t);
        }

        void arrive(String t, int n) {
            mailbox.add(new Object[] {t, n});
        }

        void block() {
            for (Object[] m : mailbox) {
                String t = (String) m[0];
                String mode = modes.get(t);
                if (mode == null) {
                    inbox.add(t + ":" + m[1]);
                } else {
                    queues.get(t).add(mode.equals("m") ? t + ":" + m[1] : t + "=" + m[1]);
                }
            }
            mailbox.clear();
        }

        String report() {
            StringBuilder b = new StringBuilder("exits=" + children + " inbox[" + String.join(",", inbox) + "]");
            new TreeMap<>(queues).forEach((t, q) -> b.append(' ').append(t).append('[')
                    .append(String.join(",", q)).append(']'));
            return b.toString();
        }
    }
}
