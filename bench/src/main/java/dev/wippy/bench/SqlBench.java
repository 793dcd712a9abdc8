package dev.wippy.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.process.ExitResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Inserts and point selects per second through the {@code sql} module (Lua processes, each running its share of the
 * statements) beside plain JDBC (virtual threads on a HikariCP pool of the same size) on the same database: a SQLite
 * file and, when a port is given, PostgreSQL; with 1 and 8 concurrent workers. Each statement is prepared, bound and
 * run on its own, as a Lua call does. Usage: {@code SqlBench INSERTS [POSTGRES_PORT]} (point selects: 5 times as
 * many, over the inserted rows)
 */
public final class SqlBench {
    private static final int[] WORKERS = {1, 8};
    private static final int ROUNDS = 5;
    /** Point selects take microseconds, inserts wait for the disk: selects run this many times more statements. */
    private static final int SELECTS_PER_INSERT = 5;

    private static final String WORKER = """
            local sql = require("sql")
            return { main = function(op, first, count, rows)
                local db = assert(sql.get("bench:db"))
                local pg = db:type() == "postgres"
                local n1, n2 = pg and "$1" or "?", pg and "$2" or "?"
                first, count, rows = tonumber(first), tonumber(count), tonumber(rows)
                if op == "insert" then
                    local q = "INSERT INTO bench (id, v) VALUES (" .. n1 .. ", " .. n2 .. ")"
                    for i = first, first + count - 1 do assert(db:execute(q, {i, "value " .. i})) end
                else
                    local q = "SELECT v FROM bench WHERE id = " .. n1
                    for i = first, first + count - 1 do assert(assert(db:query(q, {(i - 1) % rows + 1}))[1].v) end
                end
            end }""";
    private static final String MAIN = """
            return { main = function(op, workers, ops, rows)
                workers, ops = tonumber(workers), tonumber(ops)
                local share = ops // workers
                for w = 0, workers - 1 do
                    process.spawn_monitored("bench:worker", "bench:processes", op, tostring(w * share + 1),
                        tostring(share), rows)
                end
                for _ = 1, workers do
                    local ev = process.events():receive()
                    if ev.result and ev.result.error then error(ev.result.error) end
                end
            end }""";

    private record Engine(String name, String entry, String jdbcUrl, String user, String password, int pool) {}

    public static void main(String[] args) throws Exception {
        int ops = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("sql-bench");
        List<Engine> engines = new ArrayList<>();
        Path file = dir.resolve("bench.db");
        engines.add(new Engine("SQLite file", "{ name: db, kind: db.sql.sqlite, file: " + file + " }",
                "jdbc:sqlite:" + file, null, null, 1));
        if (args.length > 1) {
            String port = args[1];
            engines.add(new Engine("PostgreSQL", "{ name: db, kind: db.sql.postgres, host: 127.0.0.1, port: " + port
                    + ", database: wippy, username: wippy, password: wippy, options: { sslmode: disable }, "
                    + "pool: { max_open: 8, max_idle: 8 } }",
                    "jdbc:postgresql://127.0.0.1:" + port + "/wippy?sslmode=disable", "wippy", "wippy", 8));
        }
        System.out.printf("%-12s %-12s %7s %14s %14s %7s%n", "database", "operation", "workers", "module ops/s",
                "JDBC ops/s", "ratio");
        for (Engine e : engines) {
            Application app = BenchApp.boot("sql-bench", Map.of("_index.yaml", """
                    namespace: bench
                    entries:
                      - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
                      - { name: processes, kind: process.host, lifecycle: { auto_start: true } }
                      - %s
                      - { name: worker, kind: process.lua, source: file://worker.lua, method: main, modules: [sql] }
                      - { name: main, kind: process.lua, source: file://main.lua, method: main }
                    """.formatted(e.entry()), "worker.lua", WORKER, "main.lua", MAIN));
            try (HikariDataSource jdbc = pool(e)) {
                // warm both paths up before measuring
                measure(app, jdbc, "insert", 1, Math.min(ops, 1000), 0);
                measure(app, jdbc, "select", 1, Math.min(ops, 1000), Math.min(ops, 1000));
                for (int workers : WORKERS) {
                    for (String op : List.of("insert", "select")) {
                        double[] rates = measure(app, jdbc, op, workers,
                                op.equals("insert") ? ops : ops * SELECTS_PER_INSERT, ops);
                        System.out.printf("%-12s %-12s %7d %14.0f %14.0f %6.0f%%%n", e.name(),
                                op.equals("insert") ? "insert" : "point select", workers, rates[0], rates[1],
                                100 * rates[0] / rates[1]);
                    }
                }
            } finally {
                app.shutdown(Duration.ofSeconds(5));
            }
        }
        System.exit(0);
    }

    private static HikariDataSource pool(Engine e) {
        HikariConfig h = new HikariConfig();
        h.setJdbcUrl(e.jdbcUrl());
        h.setUsername(e.user());
        h.setPassword(e.password());
        h.setMaximumPoolSize(e.pool());
        h.setMinimumIdle(e.pool());
        if (e.pool() == 1) {
            h.addDataSourceProperty("busy_timeout", "5000");
            h.addDataSourceProperty("journal_mode", "WAL");
        }
        return new HikariDataSource(h);
    }

    /**
     * Module and JDBC rates (operations per second) of one operation, the median of {@value #ROUNDS} alternating
     * rounds (the disk and the shared machine make single runs noisy); inserts start from an empty table.
     */
    private static double[] measure(Application app, HikariDataSource jdbc, String op, int workers, int ops, int rows)
            throws Exception {
        double[] module = new double[ROUNDS];
        double[] plain = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            if (op.equals("insert")) {
                reset(jdbc);
            }
            module[r] = ops / timeModule(app, op, workers, ops, rows);
            if (op.equals("insert")) {
                reset(jdbc);
            }
            plain[r] = ops / timeJdbc(jdbc, op, workers, ops, rows);
        }
        java.util.Arrays.sort(module);
        java.util.Arrays.sort(plain);
        return new double[] {module[ROUNDS / 2], plain[ROUNDS / 2]};
    }

    private static void reset(HikariDataSource jdbc) throws SQLException {
        try (Connection c = jdbc.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench");
            st.execute("CREATE TABLE bench (id BIGINT PRIMARY KEY, v TEXT NOT NULL)");
        }
    }

    private static double timeModule(Application app, String op, int workers, int ops, int rows) throws Exception {
        long t0 = System.nanoTime();
        ExitResult r = app.run(app.target("bench:main", null), List.of(op, Integer.toString(workers),
                Integer.toString(ops), Integer.toString(rows))).done().get(10, TimeUnit.MINUTES);
        if (r.isAbnormal()) {
            throw new IllegalStateException(r.error().fullText());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double timeJdbc(HikariDataSource jdbc, String op, int workers, int ops, int rows)
            throws Exception {
        int share = ops / workers;
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w * share + 1;
                done.add(pool.submit(() -> {
                    for (int i = first; i < first + share; i++) {
                        try (Connection c = jdbc.getConnection()) {
                            if (op.equals("insert")) {
                                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench (id, v) VALUES (?, ?)")) {
                                    ps.setLong(1, i);
                                    ps.setString(2, "value " + i);
                                    ps.executeUpdate();
                                }
                            } else {
                                try (PreparedStatement ps = c.prepareStatement("SELECT v FROM bench WHERE id = ?")) {
                                    ps.setLong(1, (i - 1) % rows + 1);
                                    try (ResultSet rs = ps.executeQuery()) {
                                        if (!rs.next()) {
                                            throw new IllegalStateException("row " + i + " missing");
                                        }
                                        rs.getString(1);
                                    }
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
