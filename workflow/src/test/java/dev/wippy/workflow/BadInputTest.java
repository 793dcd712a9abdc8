package dev.wippy.workflow;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input gets a named error and affects nothing else (spec 05 issue item 8). */
class BadInputTest {
    @TempDir
    Path dir;
    private WorkflowApp app;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void capture() {
        log.start();
        ((Logger) LoggerFactory.getLogger("wippy")).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("wippy")).detachAppender(log);
        if (app != null) {
            app.shutdown();
        }
    }

    private boolean logged(String text) {
        return log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text));
    }

    @Test
    void aCorruptedDatabaseFileIsABootErrorNamingTheWorkerAndTheFile() throws Exception {
        Files.createDirectories(dir.resolve(".wippy"));
        Files.writeString(dir.resolve(".wippy/workflows.db"), "this is not a database at all, just text ".repeat(200));
        app = new WorkflowApp(dir);
        assertThatThrownBy(app::boot).isInstanceOf(BootException.class).hasMessageContaining("app:worker")
                .hasMessageContaining("workflows.db").hasMessageContaining("_index.yaml");
    }

    @Test
    void aDatabaseOfAnotherProgramIsRefusedAndLeftAlone() throws Exception {
        Path foreign = dir.resolve("other.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + foreign); var s = c.createStatement()) {
            s.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO customers(name) VALUES('kept')");
        }
        app = new WorkflowApp(dir, "kind: workflow.worker\ndatabase: other.db");
        assertThatThrownBy(app::boot).isInstanceOf(BootException.class).hasMessageContaining("app:worker")
                .hasMessageContaining("not a workflow database");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + foreign); var s = c.createStatement();
             var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("customers");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void badWorkerSettingsAreBootErrorsNamingTheEntry() {
        app = new WorkflowApp(dir, "kind: workflow.worker\ndurability: fast");
        assertThatThrownBy(app::boot).isInstanceOf(BootException.class).hasMessageContaining("app:worker")
                .hasMessageContaining("durability must be 'full' or 'normal'");
    }

    @Test
    void unknownKeysAndBindingsToNonWorkersAreWarnedAboutAndOtherWorkflowsRun() throws Exception {
        app = new WorkflowApp(dir, "kind: workflow.worker\nworker_options: { max_concurrent_activity_execution_size: 4, "
                + "turbo: true }")
                .entry("flow", """
                        kind: workflow.lua
                        method: main
                        meta: { temporal: { workflow: { worker: app:processes } } }""",
                        "return { main = function(x) return x end }")
                .process("main", """
                        return { main = function()
                          local v = process.with_options({ ["temporal.workflow.colour"] = "blue" })
                            :exec("app:flow", "app:worker", "still runs")
                          return v
                        end }""");
        app.boot();
        ExitResult r = app.run("main");
        assertThat(r.value()).isEqualTo(LuaString.of("still runs"));
        assertThat(logged("unknown worker option 'turbo'")).isTrue();
        assertThat(logged("names app:processes, a process.host, not a workflow worker")).isTrue();
        assertThat(logged("unknown workflow start option 'temporal.workflow.colour' is ignored")).isTrue();
    }
}
