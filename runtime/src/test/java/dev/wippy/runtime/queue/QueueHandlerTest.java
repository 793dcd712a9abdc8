package dev.wippy.runtime.queue;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler contract and the {@code queue} module (spec 04 §3, §4). */
class QueueHandlerTest {
    @TempDir
    Path dir;

    static final String PROCESS = "kind: process.lua\nmethod: main\nmodules: [queue]";

    /**
     * A memory driver, queue {@code app:jobs} with {@code queueYaml}, and consumer {@code app:worker} running
     * {@code app:handler}, started at boot unless {@code consumerYaml} has a lifecycle.
     */
    static TestApp app(Path dir, String queueYaml, String consumerYaml, String handlerLua) throws IOException {
        return new TestApp(dir)
                .entry("memory", "kind: queue.driver.memory\nlifecycle: { auto_start: true }")
                .entry("jobs", "kind: queue.queue\ndriver: app:memory\n" + queueYaml)
                .entry("handler", "kind: function.lua\nmethod: handle\nmodules: [queue, time]", handlerLua)
                .entry("worker", "kind: queue.consumer\nqueue: app:jobs\nfunc: app:handler\n"
                        + (consumerYaml.contains("lifecycle") ? "" : "lifecycle: { auto_start: true }\n")
                        + consumerYaml);
    }

    static String text(ExitResult r) {
        assertThat(r.error()).as("process error").isNull();
        return ((LuaString) r.value()).toString();
    }

    /** Lua that publishes {@code bodies} (a Lua list of tables; each gets {@code to}) and collects N reports. */
    static String collector(String bodies, int reports) {
        return """
                return { main = function()
                    for _, body in ipairs(%s) do
                        body.to = process.pid()
                        local ok, err = queue.publish("app:jobs", body, { source = "test" })
                        assert(ok, tostring(err))
                    end
                    local lines = {}
                    for i = 1, %d do
                        lines[#lines + 1] = process.inbox():receive():payload():data()
                    end
                    table.sort(lines)
                    return table.concat(lines, "\\n")
                end }""".formatted(bodies, reports);
    }

    @Test
    void outcomesSettleAsTheSpecSays() throws Exception {
        // every mode fails on the first delivery and succeeds on the second, except "ok"
        String handler = """
                return { handle = function(body)
                    local msg = queue.message()
                    local n = msg:header("x_delivery_count")
                    process.send(body.to, "seen", body.mode .. " #" .. n)
                    if n ~= "1" or body.mode == "ok" then return { done = true } end
                    if body.mode == "false" then return false end
                    if body.mode == "nil_err" then return nil, "not now" end
                    if body.mode == "raise" then error("boom") end
                    if body.mode == "nothing" then return end
                end }""";
        TestApp a = app(dir, "", "", handler).entry("main", PROCESS, collector(
                "{ { mode = 'ok' }, { mode = 'false' }, { mode = 'nil_err' }, { mode = 'raise' }, { mode = 'nothing' } }",
                8));
        assertThat(text(a.run("main"))).isEqualTo("""
                false #1
                false #2
                nil_err #1
                nil_err #2
                nothing #1
                ok #1
                raise #1
                raise #2""");
    }

    @Test
    void theMessageIsSettledOnceWhoeverComesFirst() throws Exception {
        String handler = """
                return { handle = function(body)
                    local msg = queue.message()
                    local n = msg:header("x_delivery_count")
                    if body.mode == "ack" then
                        local keys = {}
                        for k in pairs(msg:headers()) do keys[#keys + 1] = k end
                        table.sort(keys)
                        process.send(body.to, "seen", string.format("ack #%s: %s %s %s %s|%s|%s|%s", n,
                            tostring(msg:ack()), tostring(msg:ack()), tostring(msg:nack()),
                            tostring(msg:header("source")), tostring(msg:header("missing")),
                            table.concat(keys, ","), tostring(#msg:id() > 0)))
                        return false   -- too late: the message is acked already
                    end
                    if n == "1" then
                        process.send(body.to, "seen", "nack #1: " .. tostring(msg:nack()))
                        return true    -- too late: nacked already, so it comes again
                    end
                    process.send(body.to, "seen", "nack #" .. n .. ": returns")
                end }""";
        TestApp a = app(dir, "", "", handler).entry("main", PROCESS, collector(
                "{ { mode = 'ack' }, { mode = 'nack' } }", 3));
        assertThat(text(a.run("main"))).isEqualTo("""
                ack #1: true false false test|nil|source,x_delivery_count|true
                nack #1: true
                nack #2: returns""");
    }

    @Test
    void publishAndInfoReportBadCallsAsErrors() throws Exception {
        TestApp a = app(dir, "", "lifecycle: { auto_start: false }", "return { handle = function() end }")
                .entry("main", PROCESS, """
                        return { main = function()
                            local out = {}
                            local function show(v, err)
                                out[#out + 1] = tostring(v) .. " " .. (err and (err:kind() .. ": " .. err:message()) or "")
                            end
                            show(queue.publish("", 1))
                            show(queue.publish("app:jobs"))
                            show(queue.publish("app:nope", 1))
                            show(queue.publish("app:jobs", 1, { x_mine = "a" }))
                            show(queue.publish("app:jobs", 1, { bad = {} }))
                            local cyclic = {}
                            cyclic.self = cyclic
                            show(queue.publish("app:jobs", cyclic))
                            show(queue.publish("app:jobs", { n = 1 }, { priority = 5, urgent = true }))
                            show(queue.message())
                            show(queue.info("app:nope"))
                            local info = queue.info("app:jobs")
                            out[#out + 1] = string.format("%s %d %d %d %s %s", info.queue_name, info.message_count,
                                info.max_length, info.consumer_count, tostring(info.ready), info.codec)
                            return table.concat(out, "\\n")
                        end }""");
        assertThat(text(a.run("main"))).isEqualTo("""
                nil Invalid: queue ID required
                nil Invalid: data required
                nil NotFound: queue not found: app:nope
                nil Invalid: header x_mine: keys starting with x_ are reserved for the runtime
                nil Invalid: header bad: values must be strings, numbers or booleans
                nil Invalid: cannot encode the message as json/plain: cannot encode a table that contains itself
                true\s
                nil Invalid: no message: queue.message() works only inside a consumer's handler
                nil NotFound: queue not found: app:nope
                jobs 1 1000 0 true json/plain""");
    }

    @Test
    void msgpackBodiesArriveAsTheSameLuaValues() throws Exception {
        String handler = """
                return { handle = function(body)
                    process.send(body.to, "seen", string.format("%s %s %s %s %s %s,%s,%s %s %s", math.type(body.n),
                        body.n, math.type(body.f), body.f, body.s, body.list[1], body.list[2], body.list[3],
                        tostring(body.nested.a.b), tostring(body.flag)))
                end }""";
        TestApp a = app(dir, "codec: application/msgpack", "", handler)
                .entry("main", PROCESS, collector("{ { n = 42, f = 1.5, s = 'héllo', list = { 1, 'two', 3.25 },"
                        + " nested = { a = { b = false } }, flag = true } }", 1));
        assertThat(text(a.run("main"))).isEqualTo("integer 42 float 1.5 héllo 1,two,3.25 false true");
    }

    @Test
    void handlersPublishToo() throws Exception {
        String handler = """
                return { handle = function(body)
                    if body.hop < 3 then
                        assert(queue.publish("app:jobs", { hop = body.hop + 1, to = body.to }))
                    end
                    process.send(body.to, "seen", "hop " .. body.hop)
                end }""";
        TestApp a = app(dir, "", "", handler).entry("main", PROCESS, collector("{ { hop = 1 } }", 3));
        assertThat(text(a.run("main"))).isEqualTo("hop 1\nhop 2\nhop 3");
    }
}
