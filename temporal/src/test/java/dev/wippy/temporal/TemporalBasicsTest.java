package dev.wippy.temporal;

import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.values.FrozenTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TemporalBasicsTest {
    static DevServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = DevServer.start(false);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private TestApp app(String queue) {
        return new TestApp(dir)
                .entry("tclient", server.clientYaml())
                .entry("worker", "kind: temporal.worker\nclient: app:tclient\ntask_queue: " + queue);
    }

    @Test
    void aProcessRunsAWorkflowThatCallsAnActivityAndSleeps() throws Exception {
        TestApp app = app("basics-1")
                .entry("add", "kind: function.lua\nmethod: main", "return { main = function(a, b) return a + b end }")
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [funcs, time, uuid]", """
                        local function main(n)
                          local s, err = funcs.call("app:add", n, 2)
                          if err then return nil, err end
                          local before = time.now()
                          time.sleep("50ms")
                          local slept = time.now():sub(before):milliseconds()
                          return { sum = s, id = uuid.v4(), slept = slept >= 50 }
                        end
                        return { main = main }""")
                .entry("main", "kind: process.lua\nmethod: main", """
                        return { main = function()
                          local r, err = process.exec("app:flow", "app:worker", 40)
                          if err then return "error: " .. tostring(err) end
                          return r
                        end }""");
        ExitResult r = app.run("main");
        assertThat(r.error()).isNull();
        assertThat(r.value()).isInstanceOf(FrozenTable.class);
        FrozenTable t = (FrozenTable) r.value();
        assertThat(t.get("sum")).isEqualTo(42L);
        assertThat(t.get("id").toString()).hasSize(36);
        assertThat(t.get("slept")).isEqualTo(true);
    }
}
