package dev.wippy.runtime.funcs;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Calling {@code function.lua} entries with the {@code funcs} module (spec 03 §3.2–§3.4). */
class FuncsTest {
    @TempDir
    Path dir;

    private static final String PROCESS = "kind: process.lua\nmethod: main\nmodules: [funcs, ctx, time]";
    private static final String FUNCTION = "kind: function.lua\nmethod: run\nmodules: [ctx, time]";

    private static String text(ExitResult r) {
        assertThat(r.error()).as("process error").isNull();
        return ((LuaString) r.value()).toString();
    }

    @Test
    void aCallCopiesArgumentsAndReturnsTheFirstResult() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("add", FUNCTION, """
                        return { run = function(t, n)
                            t.items[#t.items + 1] = n   -- the caller's table is not touched
                            return #t.items, nil, "ignored"
                        end }""")
                .entry("main", PROCESS, """
                        return { main = function()
                            local t = { items = { 1, 2 } }
                            local n, err = funcs.call("app:add", t, 3)
                            return n .. "|" .. tostring(err) .. "|" .. #t.items
                        end }""");
        assertThat(text(app.run("main"))).isEqualTo("3|nil|2");
    }

    @Test
    void everyInvocationStartsFromAFreshState() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("counter", FUNCTION, """
                        local calls = 0
                        return { run = function() calls = calls + 1; counter_global = (counter_global or 0) + 1
                            return calls .. "/" .. counter_global end }""")
                .entry("main", PROCESS, """
                        return { main = function()
                            return funcs.call("app:counter") .. " " .. funcs.call("app:counter")
                        end }""");
        assertThat(text(app.run("main"))).isEqualTo("1/1 1/1");
    }

    @Test
    void failuresArriveAsErrorObjects() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("raises", FUNCTION, "return { run = function() error('boom') end }")
                .entry("string_err", FUNCTION, "return { run = function() return nil, 'bad thing' end }")
                .entry("kinded", FUNCTION, """
                        return { run = function() return nil, errors.new({ kind = errors.NOT_FOUND,
                            message = 'no such user', details = { id = 7 } }) end }""")
                .entry("main", PROCESS, """
                        return { main = function()
                            local out = {}
                            local function show(v, err)
                                out[#out + 1] = tostring(v) .. ":" .. err:kind() .. ":" .. err:message()
                                    .. ":" .. tostring(err:retryable())
                            end
                            show(funcs.call("app:raises"))
                            show(funcs.call("app:string_err"))
                            local _, e = funcs.call("app:kinded")
                            show(nil, e)
                            out[#out + 1] = e:details().id
                            show(funcs.call("app:missing"))
                            show(funcs.call("nonamespace"))
                            show(funcs.call("app:"))
                            show(funcs.call(""))
                            return table.concat(out, "\\n")
                        end }""");
        assertThat(text(app.run("main"))).isEqualTo("""
                nil:Internal:src/raises.lua:1: boom:nil
                nil:Internal:bad thing:false
                nil:NotFound:no such user:nil
                7
                nil:NotFound:function not found: app:missing:false
                nil:Invalid:namespace required in function ID:false
                nil:Invalid:name required in function ID:false
                nil:Invalid:function ID required:false""");
    }

    @Test
    void functionsSeeTheCallersContextPlusTheExecutorsValues() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("who", FUNCTION, """
                        return { run = function()
                            local tenant = ctx.get("tenant")
                            local _, err = ctx.get("nothing")
                            return tenant .. "|" .. ctx.get("request") .. "|" .. err:message() .. "|"
                                .. process.pid():sub(1, 9)
                        end }""")
                .entry("main", PROCESS, """
                        return { main = function()
                            local base = funcs.new():with_context({ tenant = "acme", request = "r-1" })
                            local again = base:with_context({ request = "r-2" })
                            return base:call("app:who") .. " " .. again:call("app:who")
                        end }""");
        assertThat(text(app.run("main")))
                .isEqualTo("acme|r-1|key not found: nothing|{app:who| acme|r-2|key not found: nothing|{app:who|");
    }

    @Test
    void asyncCallsRunInParallelAndDeliverPayloadsOnTheirChannels() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("slow", FUNCTION, """
                        return { run = function(n) time.sleep("200ms"); if n < 0 then return nil, "negative" end
                            return n * 2 end }""")
                .entry("main", PROCESS, """
                        return { main = function()
                            local t0 = time.now()
                            local futures = {}
                            for i = 1, 5 do futures[i] = funcs.async("app:slow", i) end
                            local failing = funcs.async("app:slow", -1)
                            local sum = 0
                            for i = 1, 5 do
                                local v, ok = futures[i]:channel():receive()
                                sum = sum + v:data()
                            end
                            local err = failing:response():receive()
                            local elapsed = time.now():sub(t0):milliseconds()
                            local _, ferr = failing:result()
                            local e2, has = failing:error()
                            return sum .. "|" .. err:message() .. "|" .. tostring(futures[1]:is_complete())
                                .. "|" .. futures[2]:result():data() .. "|" .. ferr:kind() .. "|" .. tostring(has)
                                .. "|" .. tostring(elapsed < 900)
                        end }""");
        assertThat(text(app.run("main"))).isEqualTo("30|negative|true|4|Internal|true|true");
    }

    @Test
    void aTimeoutCancelsTheCallAndCancelMarksTheFuture() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("sleepy", FUNCTION, "return { run = function() time.sleep('5s'); return 1 end }")
                .entry("main", PROCESS, """
                        return { main = function()
                            local v, err = funcs.new():with_options({ timeout = 100 }):call("app:sleepy")
                            local f = funcs.async("app:sleepy")
                            f:cancel()
                            local _, cerr = f:result()
                            return tostring(v) .. "|" .. err:kind() .. "|" .. tostring(err:retryable()) .. "|"
                                .. tostring(f:is_canceled()) .. "|" .. cerr:kind()
                        end }""");
        assertThat(text(app.run("main"))).isEqualTo("nil|Timeout|true|true|Canceled");
    }

    @Test
    void retriesFollowTheEntryOptionsAndOnlyRetryableKinds() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("flaky", """
                        kind: function.lua
                        method: run
                        meta:
                          options:
                            retry: { max_attempts: 4, initial_delay: 10, jitter: 0 }""", """
                        return { run = function(_, kind)
                            return nil, errors.new({ kind = kind, message = "try again" })
                        end }""")
                .entry("main", PROCESS, """
                        return { main = function()
                            local t0 = time.now()
                            local _, e1 = funcs.call("app:flaky", 0, errors.UNAVAILABLE)
                            local retried = time.now():sub(t0):milliseconds()
                            t0 = time.now()
                            local _, e2 = funcs.call("app:flaky", 0, errors.INVALID)
                            local single = time.now():sub(t0):milliseconds()
                            return e1:kind() .. "|" .. tostring(retried >= 70) .. "|" .. e2:kind() .. "|"
                                .. tostring(single < 60)
                        end }""");
        assertThat(text(app.run("main"))).isEqualTo("Unavailable|true|Invalid|true");
    }

    @Test
    void aStaticPoolBoundsConcurrentInvocations() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("busy", """
                        kind: function.lua
                        method: run
                        modules: [time]
                        pool: { type: static, workers: 2 }""",
                        "return { run = function() time.sleep('100ms'); return 1 end }")
                .entry("main", PROCESS, """
                        return { main = function()
                            local t0 = time.now()
                            local fs = {}
                            for i = 1, 6 do fs[i] = funcs.async("app:busy") end
                            for i = 1, 6 do fs[i]:channel():receive() end
                            local ms = time.now():sub(t0):milliseconds()
                            return tostring(ms >= 290) .. " " .. tostring(ms < 1500)
                        end }""");
        assertThat(text(app.run("main"))).isEqualTo("true true");
    }

    @Test
    void aFullStaticPoolQueueMakesCallersWaitForAPlace() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("one", """
                        kind: function.lua
                        method: run
                        modules: [time]
                        pool: { type: static, workers: 1, buffer: 1 }""",
                        "return { run = function() time.sleep('150ms'); return 1 end }")
                .entry("main", PROCESS, """
                        return { main = function()
                            local t0 = time.now()
                            local a, b = funcs.async("app:one"), funcs.async("app:one")
                            local queued = time.now():sub(t0):milliseconds()
                            local c = funcs.async("app:one")
                            local waited = time.now():sub(t0):milliseconds()
                            for _, f in ipairs({ a, b, c }) do f:channel():receive() end
                            return tostring(queued < 100) .. " " .. tostring(waited >= 130)
                        end }""");
        assertThat(text(app.run("main"))).isEqualTo("true true");
    }

    @Test
    void cancellingTheCallerCancelsItsFunctionCalls() throws Exception {
        TestApp app = new TestApp(dir)
                .entry("sleepy", FUNCTION, "return { run = function() time.sleep('5s'); return 1 end }")
                .entry("caller", PROCESS, """
                        return { main = function()
                            local f = funcs.async("app:sleepy")
                            local _, err = funcs.call("app:sleepy")
                            local ferr = f:channel():receive()
                            return err:kind() .. " " .. ferr:kind()
                        end }""")
                .entry("main", PROCESS, """
                        return { main = function()
                            local t0 = time.now()
                            local pid = process.spawn_monitored("app:caller", "app:processes")
                            time.sleep("100ms")
                            process.cancel(pid, "enough")
                            local ev = process.events():receive()
                            return ev.result.value .. " " .. tostring(time.now():sub(t0):milliseconds() < 2000)
                        end }""");
        assertThat(text(app.run("main"))).isEqualTo("Canceled Canceled true");
    }
}
