package dev.wippy.workflow;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.workflow.embedded.WorkflowAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Guarantees of spec 05 §6 on the wall clock, within one life of the runtime: G4, G5, G8, G9. */
class GuaranteesTest {
    @TempDir
    Path dir;
    private WorkflowApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.shutdown();
        }
    }

    /** An activity that fails (retryable unless told) until its {@code succeed_at}-th attempt. */
    private WorkflowApp flaky() throws Exception {
        return new WorkflowApp(dir).entry("flaky", "kind: function.lua\nmethod: main\nmodules: [counter]", """
                return { main = function(key, succeed_at, retryable)
                  counter.hit(key)
                  local n = counter.seen(key)
                  if n < succeed_at then
                    return nil, errors.new({ kind = errors.UNAVAILABLE, message = "attempt " .. n,
                      retryable = retryable })
                  end
                  return "attempt " .. n
                end }""");
    }

    private Object run(String main) throws Exception {
        app.process("main", main);
        app.boot();
        ExitResult r = app.run("main");
        assertThat(r.error()).as("main failed").isNull();
        return r.value();
    }

    @Test
    void activitiesAreRetriedWithTheirPolicysDelaysUntilTheySucceedOrStop() throws Exception {
        app = flaky().workflow("flow", """
                return { main = function(key, succeed_at, attempts, retryable)
                  local f = funcs.new():with_options({ ["activity.retry_policy"] = {
                    initial_interval = 100, backoff_coefficient = 2, maximum_attempts = attempts } })
                  local before = time.now()
                  local v, err = f:call("app:flaky", key, succeed_at, retryable)
                  return { v = v, err = err and err:message(), ms = time.now():sub(before):milliseconds() }
                end }""");
        Object v = run("""
                return { main = function()
                  local a = process.exec("app:flow", "app:worker", "a", 3, 0)
                  local b = process.exec("app:flow", "app:worker", "b", 3, 2)
                  local c = process.exec("app:flow", "app:worker", "c", 3, 0, false)
                  return table.concat({ a.v, tostring(a.ms >= 300), b.err, c.err }, " | ")
                end }""");
        assertThat(v).isEqualTo(LuaString.of("attempt 3 | true | attempt 2 | attempt 1"));
        assertThat(CounterExtension.lines(dir.resolve("counter.log"))).containsExactly("a", "a", "a", "b", "b", "c");
    }

    @Test
    void aTimerFiresNoEarlierThanItsDurationAndOnlyOnce() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function()
                  local before = time.now()
                  local t = time.after("300ms")
                  local first = t:receive()
                  local again = channel.select { t:case_receive(), time.after("200ms"):case_receive() }
                  return tostring(time.now():sub(before):milliseconds() >= 300) .. " "
                    .. tostring(again.channel ~= t)
                end }""");
        Object v = run("return { main = function() return process.exec('app:flow', 'app:worker') end }");
        assertThat(v).isEqualTo(LuaString.of("true true"));
    }

    @Test
    void aClosedExecutionHasOneOutcomeForEveryObserverAndRejectsADuplicateStart() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", "return { main = function() time.sleep('50ms'); return 7 end }")
                .process("watcher", """
                return { main = function(pid)
                  process.monitor(pid)
                  local events = process.events()
                  local first = events:receive()
                  local extra = channel.select { events:case_receive(), time.after("300ms"):case_receive() }
                  return first.result.value .. (extra.channel == events and " twice" or " once")
                end }""");
        Object v = run("""
                return { main = function()
                  local o = process.with_options({ ["temporal.workflow.id"] = "once" })
                  local pid = o:spawn("app:flow", "app:worker")
                  local w = process.spawn_monitored("app:watcher", "app:processes", pid)
                  local direct = o:exec("app:flow", "app:worker")
                  local ev = process.events():receive()
                  local _, dup = process.with_options({ ["temporal.workflow.id"] = "once",
                    ["temporal.workflow.id_reuse_policy"] = "reject_duplicate" }):spawn("app:flow", "app:worker")
                  return direct .. " " .. ev.result.value .. " " .. dup:kind()
                end }""");
        assertThat(v).isEqualTo(LuaString.of("7 7 once AlreadyExists"));
    }

    @Test
    void concurrentStartsWithOneNameShareOneExecutionAndAllStartupMessages() throws Exception {
        app = new WorkflowApp(dir).workflow("flow", """
                return { main = function()
                  local inbox, got = process.inbox(), {}
                  for _ = 1, 2 do got[#got + 1] = inbox:receive():payload():data() end
                  table.sort(got)
                  return table.concat(got, ",")
                end }""").process("starter", """
                return { main = function(tag)
                  return process.with_options({}):with_name("shared"):with_message("hello", tag)
                    :spawn("app:flow", "app:worker")
                end }""");
        app.process("main", "return { main = function() end }");
        app.boot();
        var a = app.booted().node().spawn(null, "app:starter", "app:processes", new Object[] {LuaString.of("a")},
                dev.wippy.runtime.process.SpawnOptions.NONE);
        var b = app.booted().node().spawn(null, "app:starter", "app:processes", new Object[] {LuaString.of("b")},
                dev.wippy.runtime.process.SpawnOptions.NONE);
        Object pa = a.done().get(10, TimeUnit.SECONDS).value();
        Object pb = b.done().get(10, TimeUnit.SECONDS).value();
        assertThat(pa).isEqualTo(pb);
        try (WorkflowAdmin admin = WorkflowAdmin.open(dir.resolve(".wippy/workflows.db"))) {
            for (int i = 0; i < 500 && !admin.get("shared").status().equals("completed"); i++) {
                Thread.sleep(10);
            }
            List<WorkflowAdmin.Execution> all = admin.list(null);
            assertThat(all).hasSize(1);
            assertThat(all.getFirst().result()).isEqualTo("a,b");
        }
    }
}
