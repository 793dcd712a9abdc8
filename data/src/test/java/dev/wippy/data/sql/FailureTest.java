package dev.wippy.data.sql;

import dev.wippy.data.DataApp;
import dev.wippy.data.DataApp.Engine;
import dev.wippy.data.PostgresServer;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases that fail under the app (spec 08 §2.5, issue item 5): a SQLite file locked by another program, a
 * PostgreSQL server restarted while connections are open, a statement whose execution is cancelled. Errors are
 * named, the pool recovers and no process hangs.
 */
class FailureTest {
    @TempDir
    Path dir;

    private static final String MAIN = "kind: process.lua\nmethod: main\nmodules: [sql, time, process]";

    private static ExitResult run(TestApp app, String lua, Runnable meanwhile) throws Exception {
        app.entry("main", MAIN, "local sql = require('sql')\nlocal time = require('time')\n"
                + "return { main = function()\n" + lua + "\nend }");
        Application a = app.boot();
        try {
            CompletableFuture<ExitResult> done = a.run(a.target("app:main", null), List.of()).done();
            meanwhile.run();
            return done.get(60, TimeUnit.SECONDS);
        } finally {
            a.shutdown(Duration.ofSeconds(5));
        }
    }

    private static String text(ExitResult r) {
        if (r.error() != null) {
            throw new AssertionError("app:main failed: " + r.error().fullText());
        }
        return ((LuaString) r.value()).toString();
    }

    @Test
    void aLockedSqliteFileIsANamedErrorUntilTheLockGoes() throws Exception {
        Path file = dir.resolve("test.db");
        try (Connection setup = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = setup.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE t (n INTEGER)");
        }
        Connection locker = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement lock = locker.createStatement();
        lock.execute("BEGIN EXCLUSIVE");
        lock.execute("INSERT INTO t VALUES (0)");
        TestApp app = DataApp.app(dir, Engine.SQLITE);
        String out = text(run(app, """
                local db = assert(sql.get("app:db"))
                local _, locked = db:execute("INSERT INTO t VALUES (1)")
                db:execute("CREATE TABLE IF NOT EXISTS signal (n INTEGER)")
                while not db:query("SELECT 1 FROM t WHERE n = 0")[1] do time.sleep("50ms") end
                assert(db:execute("INSERT INTO t VALUES (2)"))
                local rows = assert(db:query("SELECT n FROM t ORDER BY n"))
                return locked:message() .. "|" .. #rows
                """, () -> {
            try {
                Thread.sleep(6000);
                lock.execute("COMMIT");
                locker.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
        assertThat(out).isEqualTo("database is locked|2");
    }

    @Test
    void aRestartedPostgresServerBreaksOpenConnectionsAndThePoolRecovers() throws Exception {
        int port = PostgresServer.port();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/wippy?user=wippy&password=wippy&sslmode=disable";
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS restart_signal");
            st.execute("CREATE TABLE restart_signal (step TEXT)");
        }
        TestApp app = DataApp.app(dir, Engine.POSTGRES);
        String out = text(run(app, """
                local db = assert(sql.get("app:db"))
                local tx = assert(db:begin())
                assert(tx:query("SELECT 1"))
                assert(db:execute("INSERT INTO restart_signal VALUES ('ready')"))
                local polls, failures = 0, 0
                repeat
                    time.sleep("50ms")
                    polls = polls + 1
                    local rows, err = db:query("SELECT 1 FROM restart_signal WHERE step = 'restarted'")
                    if err then failures = failures + 1 end
                until (rows and rows[1]) or polls > 400
                local _, lost = tx:query("SELECT 1")
                tx:rollback()
                local after = assert(db:query("SELECT COUNT(*) AS n FROM restart_signal"))
                return (lost and "lost" or "kept") .. "|" .. tostring(lost and lost:kind()) .. "|" .. after[1].n
                """, () -> {
            try {
                waitForRow(url, "ready");
                PostgresServer.restart();
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    st.execute("INSERT INTO restart_signal VALUES ('restarted')");
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
        assertThat(out).isEqualTo("lost||2");
    }

    @Test
    void otherCoroutinesRunWhileAStatementWaits() throws Exception {
        PostgresServer.port();
        String out = text(run(DataApp.app(dir, Engine.POSTGRES), """
                local db = assert(sql.get("app:db"))
                local ticks, done = 0, false
                coroutine.spawn(function()
                    while not done do
                        ticks = ticks + 1
                        time.sleep("10ms")
                    end
                end)
                assert(db:query("SELECT pg_sleep(0.5)"))
                local during = ticks
                done = true
                return tostring(during >= 10)
                """, () -> { }));
        assertThat(out).isEqualTo("true");
    }

    /**
     * An app whose {@code app:sleeper} process runs a 30-second statement tagged {@code tag} and returns the error
     * it gets; {@code app:main} waits until the statement runs, stops the sleeper with {@code stop} (Lua, {@code pid}
     * in scope), and returns how many such statements ran before, the sleeper's exit and how many still run.
     */
    private String stopSleeper(String tag, String stop) throws Exception {
        PostgresServer.port();
        TestApp app = DataApp.app(dir, Engine.POSTGRES).entry("sleeper", MAIN, """
                local sql = require('sql')
                return { main = function()
                    local db = assert(sql.get("app:db"))
                    local _, err = db:query("SELECT pg_sleep(30), '%s' AS tag")
                    return err:message()
                end }""".formatted(tag));
        long start = System.nanoTime();
        String out = text(run(app, """
                local db = assert(sql.get("app:db"))
                local pid = process.spawn_monitored("app:sleeper", "app:processes")
                local function sleeping()
                    return assert(db:query("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE state = 'active' "
                        .. "AND query LIKE '%%%s%%' AND query NOT LIKE '%%pg_stat_activity%%'"))[1].n
                end
                for _ = 1, 100 do
                    if sleeping() > 0 then break end
                    time.sleep("50ms")
                end
                local before = sleeping()
                %s
                local ev = process.events():receive()
                local after = sleeping()
                for _ = 1, 40 do
                    if after == 0 then break end
                    time.sleep("50ms")
                    after = sleeping()
                end
                return before .. "|" .. ev.kind .. "|" .. tostring(ev.result.value) .. "|" .. after
                """.formatted(tag, stop), () -> { }));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        return out;
    }

    @Test
    void aCancelEventAbortsTheRunningStatement() throws Exception {
        assertThat(stopSleeper("app-cancelled", "process.cancel(pid)"))
                .isEqualTo("1|EXIT|pq: canceling statement due to user request (57014)|0");
    }

    @Test
    void terminatingAnExecutionAbortsItsStatementAndFreesTheConnection() throws Exception {
        assertThat(stopSleeper("app-terminated", "process.terminate(pid)")).isEqualTo("1|EXIT|nil|0");
    }

    private static void waitForRow(String url, String step) throws Exception {
        for (int i = 0; i < 400; i++) {
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT 1 FROM restart_signal WHERE step = '" + step + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the app never wrote " + step);
    }
}
