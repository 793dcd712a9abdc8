package dev.wippy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wippy.cli.ExamplesTest.wippy;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code wippy workflow ...}: operators list, inspect, signal, cancel and terminate workflows of a database. */
class WorkflowCommandTest {
    @TempDir
    Path dir;

    private void app() throws Exception {
        Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/_index.yaml"), """
                namespace: app
                entries:
                  - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
                  - { name: worker, kind: workflow.worker }
                  - { name: waiter, kind: workflow.lua, source: file://waiter.lua, method: main }
                  - { name: main, kind: process.lua, source: file://main.lua, method: main }
                """);
        Files.writeString(dir.resolve("src/waiter.lua"), """
                return { main = function(n)
                  local m = process.inbox():receive()
                  return { n = n, got = m:payload():data() }
                end }""");
        Files.writeString(dir.resolve("src/main.lua"), """
                return { main = function()
                  for i = 1, 3 do
                    process.with_options({ ["temporal.workflow.id"] = "w" .. i }):spawn("app:waiter", "app:worker", i)
                  end
                end }""");
    }

    private String[] args(String... words) {
        String[] all = new String[words.length + 3];
        all[0] = "workflow";
        System.arraycopy(words, 0, all, 1, words.length);
        all[words.length + 1] = "--dir";
        all[words.length + 2] = dir.toString();
        return all;
    }

    private JsonNode list(String... extra) throws Exception {
        String[] words = new String[extra.length + 2];
        words[0] = "list";
        words[1] = "--json";
        System.arraycopy(extra, 0, words, 2, extra.length);
        ExamplesTest.Run r = wippy("", args(words));
        assertThat(r.status()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private JsonNode awaitStatus(String id, String status) throws Exception {
        for (int i = 0; i < 200; i++) {
            for (JsonNode item : list()) {
                if (item.get("id").asText().equals(id) && item.get("status").asText().equals(status)) {
                    return item;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError(id + " never became " + status + ": " + list());
    }

    @Test
    void operatorsSeeAndSteerWorkflowsOfARunningApp() throws Exception {
        app();
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream(), List.of());
        Application running = Application.boot(dir, terminal);
        try {
            running.run(running.target("app:main", null), List.of()).done().get(10, TimeUnit.SECONDS);
            assertThat(list("--status", "running")).hasSize(3);

            assertThat(wippy("", args("signal", "w1", "go", "{\"fast\": true}")).status()).isZero();
            JsonNode done = awaitStatus("w1", "completed");
            assertThat(done.get("result").get("n").asInt()).isEqualTo(1);
            assertThat(done.get("result").get("got").get("fast").asBoolean()).isTrue();
            assertThat(done.get("run_id").asText()).isNotEmpty();
            assertThat(done.get("type").asText()).isEqualTo("app:waiter");
            assertThat(done.has("error")).isTrue();

            assertThat(wippy("", args("terminate", "w2", "no longer needed")).status()).isZero();
            JsonNode terminated = awaitStatus("w2", "terminated");
            assertThat(terminated.get("error").get("kind").asText()).isEqualTo("Canceled");
            assertThat(terminated.get("error").get("message").asText()).contains("no longer needed");

            ExamplesTest.Run show = wippy("", args("show", "w1"));
            assertThat(show.out()).contains("status:", "\"completed\"", "history:", "RunStarted", "SignalReceived",
                    "RunClosed");
            ExamplesTest.Run missing = wippy("", args("signal", "nope", "go"));
            assertThat(missing.status()).isEqualTo(1);
            assertThat(missing.err()).contains("workflow not found: nope");
        } finally {
            running.shutdown(Duration.ofSeconds(5));
        }
        assertThat(list("--status", "running")).hasSize(1);
    }

    @Test
    void requestsWrittenWhileTheAppIsStoppedAreAppliedWhenItStarts() throws Exception {
        app();
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream(), List.of());
        Application first = Application.boot(dir, terminal);
        first.run(first.target("app:main", null), List.of()).done().get(10, TimeUnit.SECONDS);
        first.shutdown(Duration.ofSeconds(5));

        assertThat(wippy("", args("signal", "w3", "go", "42")).status()).isZero();
        assertThat(wippy("", args("cancel", "w1")).status()).isZero();
        assertThat(list("--status", "running")).hasSize(3);

        Application second = Application.boot(dir, terminal);
        try {
            JsonNode done = awaitStatus("w3", "completed");
            assertThat(done.get("result").get("got").asInt()).isEqualTo(42);
        } finally {
            second.shutdown(Duration.ofSeconds(5));
        }
    }
}
