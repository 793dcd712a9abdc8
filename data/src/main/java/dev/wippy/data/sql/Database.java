package dev.wippy.data.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.wippy.runtime.time.DurationText;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One database entry's connection pool (HikariCP). A SQLite database has exactly one connection that everybody
 * shares (spec 08 §2.2); a PostgreSQL pool grows up to {@code pool.max_open}. Callers wait for a free connection
 * for as long as it takes (their execution may be cancelled meanwhile), but a connection that cannot be opened is
 * an error at once.
 */
public final class Database {
    /** Connections of a pool without {@code max_open}: "unlimited", bounded by what a server usually allows. */
    private static final int UNLIMITED = 50;
    /** How long one attempt to get a connection waits before it looks again whether the pool is closed. */
    private static final long ATTEMPT_MILLIS = 5_000;

    final DatabaseConfig config;
    private final HikariDataSource pool;
    private final AtomicInteger handles = new AtomicInteger();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong waitNanos = new AtomicLong();
    private volatile boolean closed;

    Database(DatabaseConfig config) {
        this.config = config;
        this.pool = new HikariDataSource(hikari(config));
    }

    private static HikariConfig hikari(DatabaseConfig c) {
        HikariConfig h = new HikariConfig();
        h.setPoolName(c.id());
        h.setJdbcUrl(c.url());
        h.setConnectionTimeout(ATTEMPT_MILLIS);
        // the pool opens connections when asked, so an unreachable server is not a boot error (spec 08 §2.5)
        h.setInitializationFailTimeout(-1);
        h.setMaxLifetime(c.maxLifetime().toMillis());
        if (c.sqlite()) {
            h.setMaximumPoolSize(1);
            h.setMinimumIdle(c.inMemory() ? 1 : 0);
            if (c.inMemory()) {
                // recycling the only connection of a memory database would replace it with an empty one
                h.setMaxLifetime(0);
                h.setIdleTimeout(0);
            }
            h.setDataSourceProperties(sqliteProperties());
        } else {
            int max = c.maxOpen() > 0 ? c.maxOpen() : UNLIMITED;
            h.setMaximumPoolSize(max);
            h.setMinimumIdle(Math.min(max, c.maxIdle() > 0 ? c.maxIdle() : 2));
            h.setUsername(c.user());
            h.setPassword(c.password());
            h.setDataSourceProperties(PostgresOptions.properties(c.options()));
        }
        return h;
    }

    private static Properties sqliteProperties() {
        Properties p = new Properties();
        p.setProperty("busy_timeout", "5000");
        p.setProperty("journal_mode", "WAL");
        return p;
    }

    /**
     * Switches a SQLite file to WAL at registration (spec 08 §2.2).
     *
     * @throws DatabaseConfig.Invalid when the file cannot be opened or the mode not set
     */
    static void enableWal(DatabaseConfig c) {
        if (!c.sqlite() || c.inMemory()) {
            return;
        }
        try (Connection conn = DriverManager.getConnection(c.url());
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode=WAL")) {
            if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                throw new DatabaseConfig.Invalid("failed to enable WAL mode");
            }
        } catch (SQLException e) {
            throw new DatabaseConfig.Invalid("failed to enable WAL mode: " + e.getMessage());
        }
    }

    public String type() {
        return config.type();
    }

    boolean isClosed() {
        return closed;
    }

    /** A handle now claims this pool; false when the pool is closed. */
    boolean claim() {
        handles.incrementAndGet();
        if (closed) {
            handles.decrementAndGet();
            return false;
        }
        return true;
    }

    void unclaim() {
        handles.decrementAndGet();
    }

    /**
     * A connection of the pool, waiting while all are in use. Interrupting the calling thread (its execution was
     * cancelled) ends the wait.
     */
    public Connection connection() throws SQLException {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        boolean busy = bean != null && bean.getIdleConnections() == 0
                && bean.getTotalConnections() >= pool.getMaximumPoolSize();
        long start = System.nanoTime();
        while (true) {
            try {
                Connection conn = pool.getConnection();
                if (busy) {
                    waits.incrementAndGet();
                    waitNanos.addAndGet(System.nanoTime() - start);
                }
                return conn;
            } catch (SQLTransientConnectionException e) {
                // without a cause every connection was in use for the whole attempt: keep waiting
                if (e.getCause() != null || closed || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
        }
    }

    /** Opens (or checks) one connection: the health action of a started database service. */
    void ping() throws SQLException {
        try (Connection conn = connection()) {
            if (!conn.isValid(5)) {
                throw new SQLException("connection is not valid");
            }
        }
    }

    /** The figures of {@code db:stats()} (spec 08 §3.3), in order. */
    Map<String, Object> stats() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_open_connections", (double) (config.sqlite() ? 1 : config.maxOpen()));
        m.put("open_connections", bean == null ? 0.0 : (double) bean.getTotalConnections());
        m.put("in_use", bean == null ? 0.0 : (double) bean.getActiveConnections());
        m.put("idle", bean == null ? 0.0 : (double) bean.getIdleConnections());
        m.put("wait_count", (double) waits.get());
        m.put("wait_duration", DurationText.format(waitNanos.get()));
        m.put("max_idle_closed", 0.0);
        m.put("max_idle_time_closed", 0.0);
        m.put("max_lifetime_closed", 0.0);
        return m;
    }

    /**
     * Stops the pool (spec 08 §2.5): new handles are refused at once, then it waits up to {@code timeout} for the
     * handles given out to be released before closing the connections.
     *
     * @return whether every handle was released in time
     */
    boolean close(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handles.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean released = handles.get() <= 0;
        pool.close();
        return released;
    }
}
