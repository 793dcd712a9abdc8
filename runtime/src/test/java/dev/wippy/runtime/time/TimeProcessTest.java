package dev.wippy.runtime.time;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.ProcessExecution;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting inside processes (spec 02 §3.3, §5.1, §5.6): sleeps, after, timers and tickers on the scheduler. */
class TimeProcessTest {
    private final TimeProcesses t = new TimeProcesses();

    private static void assertReturns(ExitResult r, String expected) {
        assertThat(r.error()).as("error").isNull();
        assertThat(r.value()).isEqualTo(LuaString.of(expected));
    }

    @Test
    void aSleepingCoroutineDoesNotBlockTheOthersOfItsProcess() throws Exception {
        t.entry("sleepers", """
                local order = {}
                local done = channel.new(2)
                coroutine.spawn(function()
                  time.sleep("300ms")
                  order[#order + 1] = "slow"
                  done:send(true)
                end)
                coroutine.spawn(function()
                  for i = 1, 3 do
                    time.sleep("10ms")
                    order[#order + 1] = "fast" .. i
                  end
                  done:send(true)
                end)
                local started = time.now()
                done:receive()
                done:receive()
                local waited = time.now():sub(started)
                return table.concat(order, ",") .. " " .. tostring(waited >= time.parse_duration("300ms"))
                """);
        assertReturns(t.run("sleepers"), "fast1,fast2,fast3,slow true");
    }

    @Test
    void coroutinesSleepingDifferentTimesFinishInOrder() throws Exception {
        t.entry("squares", """
                local results = channel.new(8)
                for i = 3, 1, -1 do
                  coroutine.spawn(function()
                    time.sleep(tostring(i * 30) .. "ms")
                    results:send(i * i)
                  end)
                end
                local got = {}
                for _ = 1, 3 do got[#got + 1] = results:receive() end
                return table.concat(got, ",")
                """);
        assertReturns(t.run("squares"), "1,4,9");
    }

    @Test
    void afterTimesOutASelect() throws Exception {
        t.entry("timeout", """
                local never = channel.new()
                local started = time.now()
                local deadline = time.after("50ms")
                local r = channel.select { never:case_receive(), deadline:case_receive() }
                local fired = r.value
                return tostring(r.channel == deadline) .. " " .. tostring(fired:after(started))
                    .. " " .. tostring(fired:sub(started) >= time.parse_duration("50ms"))
                """);
        assertReturns(t.run("timeout"), "true true true");
    }

    @Test
    void afterWithANonPositiveDurationFiresAtOnce() throws Exception {
        t.entry("immediate", """
                local r = channel.select { time.after(0):case_receive(), default = true }
                return tostring(r.default == nil and r.ok)
                """);
        assertReturns(t.run("immediate"), "true");
    }

    @Test
    void aTimerDeliversOneTimeOnAStableChannel() throws Exception {
        t.entry("timer", """
                local timer = time.timer("20ms")
                local same = timer:channel() == timer:response()
                local v, ok = timer:response():receive()
                return tostring(same) .. " " .. tostring(ok) .. " " .. tostring(v:year() >= 2024)
                    .. " " .. tostring(timer:stop())
                """);
        assertReturns(t.run("timer"), "true true true false");
    }

    @Test
    void stoppingATimerPreventsItsFire() throws Exception {
        t.entry("stopped", """
                local timer = time.timer("50ms")
                local first, second = timer:stop(), timer:stop()
                local r = channel.select { timer:channel():case_receive(), time.after("200ms"):case_receive() }
                return tostring(first) .. " " .. tostring(second) .. " " .. tostring(r.channel == timer:channel())
                """);
        assertReturns(t.run("stopped"), "true false false");
    }

    @Test
    void stoppingAFiredButUnreceivedTimerDiscardsItsValue() throws Exception {
        t.entry("discard", """
                local timer = time.timer("10ms")
                time.sleep("100ms")
                local stopped = timer:stop()
                local r = channel.select { timer:channel():case_receive(), default = true }
                return tostring(stopped) .. " " .. tostring(r.default)
                """);
        assertReturns(t.run("discard"), "true true");
    }

    @Test
    void resetRearmsATimer() throws Exception {
        t.entry("reset", """
                local timer = time.timer("1h")
                local pending = timer:reset("20ms")
                local r = channel.select { timer:channel():case_receive(), time.after("5s"):case_receive() }
                local fired = r.channel == timer:channel()
                local again = timer:reset("30ms")
                local v, err = timer:reset("nonsense")
                timer:channel():receive()
                return tostring(pending) .. " " .. tostring(fired) .. " " .. tostring(again) .. " " .. err:kind()
                """);
        assertReturns(t.run("reset"), "true true false Invalid");
    }

    @Test
    void aTickerTicksUntilStopped() throws Exception {
        t.entry("ticker", """
                local ticker = time.ticker("20ms")
                local previous
                local increasing = true
                for i = 1, 3 do
                  local tick = ticker:channel():receive()
                  if previous and not tick:after(previous) then increasing = false end
                  previous = tick
                end
                local stopped = ticker:stop()
                channel.select { ticker:response():case_receive(), default = true }
                time.sleep("100ms")
                local r = channel.select { ticker:response():case_receive(), default = true }
                return tostring(increasing) .. " " .. tostring(stopped) .. " " .. tostring(r.default)
                """);
        assertReturns(t.run("ticker"), "true true true");
    }

    @Test
    void aSlowTickerReaderFindsOneTickNotABacklog() throws Exception {
        t.entry("slow", """
                local ticker = time.ticker("200ms")
                time.sleep("1100ms")
                local waiting = 0
                while not channel.select({ ticker:channel():case_receive(), default = true }).default do
                  waiting = waiting + 1
                end
                ticker:stop()
                return tostring(waiting)
                """);
        assertReturns(t.run("slow"), "1");
    }

    @Test
    void timersOfAnExitedProcessAreCancelled() throws Exception {
        t.entry("leaves", """
                time.timer("1h")
                time.ticker("1h")
                time.after("1h")
                return "bye"
                """);
        assertReturns(t.run("leaves"), "bye");
        assertThat(((ScheduledThreadPoolExecutor) t.node.timers()).getQueue()).isEmpty();
    }

    @Test
    void aSleepingProcessCanBeTerminated() throws Exception {
        t.entry("sleeper", """
                time.sleep("1h")
                return "woke"
                """);
        ProcessExecution p = t.spawn("sleeper");
        Thread.sleep(100);
        p.terminate(ErrorObject.of(ErrorObject.CANCELED, "enough"));
        ExitResult r = p.done().get(5, TimeUnit.SECONDS);
        assertThat(r.error()).isNotNull();
        assertThat(r.error().kind()).isEqualTo(ErrorObject.CANCELED);
        assertThat(((ScheduledThreadPoolExecutor) t.node.timers()).getQueue()).isEmpty();
    }

    @Test
    void durationsAndTimesCrossProcessBoundariesAsValues() throws Exception {
        t.entry("echo", """
                local msg = process.inbox():receive()
                local p = msg:payload():data()
                process.send(msg:from(), "back", { d = p.d, t = p.t })
                """).entry("sender", """
                local child = process.spawn("app:echo", "app:processes")
                local d = time.parse_duration("1m30s")
                local t = time.date(2024, 3, 5, 9, 7, 8, 0, time.utc)
                process.send(child, "go", { d = d, t = t })
                local back = process.inbox():receive():payload():data()
                return tostring(back.d) .. " " .. tostring(back.d == d) .. " " .. tostring(back.t)
                """);
        assertReturns(t.run("sender"), "1m30s true 2024-03-05 09:07:08 +0000 UTC");
    }
}
