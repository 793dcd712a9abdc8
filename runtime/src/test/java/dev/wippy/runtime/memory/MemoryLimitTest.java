package dev.wippy.runtime.memory;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Per-process memory limits: {@code host.max_memory} of a {@code process.host} is the default of its processes,
 * the {@code max_memory} spawn option overrides it; a process holding more ends with INTERNAL "memory limit
 * exceeded" and nothing else is disturbed.
 */
class MemoryLimitTest {
    @TempDir
    Path dir;

    /** Keeps about {@code kb} KB of strings in a table, then returns "kept". */
    private static final String HOLDER = """
            local function main(kb)
              local keep = {}
              for i = 1, kb do keep[i] = string.rep("y", 1000) .. i end
              return "kept"
            end
            return { main = main }
            """;

    private TestApp app() throws IOException {
        return new TestApp(dir)
                .entry("limited", "kind: process.host\nhost: { max_memory: 4MB }\nlifecycle: { auto_start: true }")
                .entry("holder", "kind: process.lua\nmethod: main", HOLDER);
    }

    @Test
    void aProcessGrowingATableEndsWithOneInternalExitWhileItsSiblingGoesOnAnswering() throws Exception {
        ExitResult r = app()
                .entry("grower", "kind: process.lua\nmethod: main", """
                        local function main()
                          local t = {}
                          local i = 0
                          while true do
                            i = i + 1
                            t[i] = string.rep("x", 100) .. i
                          end
                        end
                        return { main = main }
                        """)
                .entry("echo", "kind: process.lua\nmethod: main", """
                        local function main()
                          local inbox = process.inbox()
                          while true do
                            local m = inbox:receive()
                            process.send(m:from(), "pong", m:payload():data())
                          end
                        end
                        return { main = main }
                        """)
                .entry("main", "kind: process.lua\nmethod: main\nmodules: [time]", """
                        local function main()
                          local echo = process.spawn("app:echo", "app:limited")
                          local grower = process.spawn_monitored("app:grower", "app:limited")
                          local events = process.events()
                          local ev = events:receive()
                          local again = channel.select { events:case_receive(), time.after("300ms"):case_receive() }
                          local exits = again.channel == events and "two events" or "one event"
                          process.send(echo, "ping", 42)
                          local reply = process.inbox():receive()
                          process.terminate(echo)
                          return table.concat({ tostring(ev.kind == process.event.EXIT), tostring(ev.from == grower),
                            ev.result.error:kind(), ev.result.error:message(), exits,
                            reply:topic() .. " " .. reply:payload():data() }, "|")
                        end
                        return { main = main }
                        """)
                .run("main");
        assertThat(r.error()).isNull();
        assertThat(r.value()).isEqualTo(LuaString.of("true|true|Internal|memory limit exceeded|one event|pong 42"));
    }

    @Test
    void aProcessChurningGarbageUnderTheSameLimitSurvives() throws Exception {
        ExitResult r = app()
                .entry("churner", "kind: process.lua\nmethod: main", """
                        local function main()
                          local last
                          for i = 1, 20000 do
                            local t = {}
                            for j = 1, 100 do t[j] = "v" .. j end
                            last = table.concat(t, ",", 1, 10) .. i
                          end
                          return last
                        end
                        return { main = main }
                        """)
                .entry("main", "kind: process.lua\nmethod: main", """
                        local function main()
                          local pid = process.spawn_monitored("app:churner", "app:limited")
                          local ev = process.events():receive()
                          if ev.result.error then return "failed: " .. ev.result.error:message() end
                          return ev.result.value
                        end
                        return { main = main }
                        """)
                .run("main");
        assertThat(r.error()).isNull();
        assertThat(r.value()).isEqualTo(LuaString.of("v1,v2,v3,v4,v5,v6,v7,v8,v9,v1020000"));
    }

    @Test
    void theSpawnOptionOverridesTheHostDefault() throws Exception {
        ExitResult r = app()
                .entry("main", "kind: process.lua\nmethod: main", """
                        -- a holder of 8 MB passes a 4 MB limit but not a 64 MB one; one of 1 GB passes any here
                        local function outcome(builder, host, kb)
                          local pid, err = builder:spawn_monitored("app:holder", host, kb)
                          if not pid then return "refused " .. err:kind() .. ": " .. err:message() end
                          local ev = process.events():receive()
                          if ev.result.error then return ev.result.error:message() end
                          return ev.result.value
                        end
                        local function main()
                          local none = process.with_options({})
                          return table.concat({
                            outcome(none, "app:limited", 1000000),
                            outcome(process.with_options({ max_memory = "64MB" }), "app:limited", 8000),
                            outcome(process.with_options({ max_memory = 4194304 }), "app:processes", 1000000),
                            outcome(none, "app:processes", 8000),
                            outcome(process.with_options({ max_memory = "lots" }), "app:processes", 8000),
                          }, "|")
                        end
                        return { main = main }
                        """)
                .run("main");
        assertThat(r.error()).isNull();
        assertThat(r.value()).isEqualTo(LuaString.of(
                "memory limit exceeded|kept|memory limit exceeded|kept|refused Invalid: bad option value: max_memory: "
                        + "expected a number of bytes or a size such as \"64MB\", got \"lots\""));
    }

    @Test
    void aBadHostValueIsABootErrorNamingTheEntry() throws IOException {
        TestApp bad = new TestApp(dir)
                .entry("tiny", "kind: process.host\nhost: { max_memory: 12 parsecs }\nlifecycle: { auto_start: true }");
        assertThatThrownBy(bad::boot).isInstanceOf(BootException.class)
                .hasMessageContaining("app:tiny")
                .hasMessageContaining("host.max_memory")
                .hasMessageContaining("12 parsecs");
    }
}
