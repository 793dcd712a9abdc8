package dev.wippy.runtime.queue;

import dev.wippy.runtime.funcs.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages that fail {@code dead_letter.max_attempts} times move to the dead-letter queue (spec 04 §6). */
class QueueDeadLetterTest {
    @TempDir
    Path dir;

    @Test
    void aMessageThatKeepsFailingMovesWithItsHistory() throws Exception {
        String handler = """
                return { handle = function(body)
                    if body.poison then error("cannot digest " .. body.n) end
                    process.send(body.to, "done", "ok " .. body.n)
                end }""";
        String dead = """
                return { handle = function(body)
                    local m = queue.message()
                    process.send(body.to, "done", string.format("dead %d from %s after %s: %s (trace %s, at %s)",
                        body.n, m:header("x_dead_letter_queue"), m:header("x_dead_letter_attempts"),
                        m:header("x_dead_letter_error"), m:header("trace"),
                        tostring(m:header("x_dead_letter_at"):match("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d") ~= nil)))
                end }""";
        TestApp a = QueueHandlerTest.app(dir, "dead_letter: { queue: app:dead, max_attempts: 3 }", "", handler)
                .entry("dead", "kind: queue.queue\ndriver: app:memory\ncodec: application/msgpack")
                .entry("dead_handler", "kind: function.lua\nmethod: handle\nmodules: [queue]", dead)
                .entry("dead_worker", "kind: queue.consumer\nqueue: app:dead\nfunc: app:dead_handler\n"
                        + "lifecycle: { auto_start: true }")
                .entry("main", QueueHandlerTest.PROCESS, QueueHandlerTest.collector(
                        "{ { n = 1 }, { n = 2, poison = true }, { n = 3 } }", 3).replace("{ source = \"test\" }",
                        "{ trace = \"t-\" .. body.n }"));
        assertThat(QueueHandlerTest.text(a.run("main"))).isEqualTo("""
                dead 2 from app:jobs after 3: src/handler.lua:2: cannot digest 2 (trace t-2, at true)
                ok 1
                ok 3""");
    }
}
