package dev.wippy.workflow.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The SQLite database of an embedded provider: its schema, one writer thread that commits the batches of many
 * workflows together (group commit: one fsync for all batches waiting at that moment), each batch inside a
 * savepoint so that one failing batch does not undo the others, and a connection for reads. In WAL mode readers
 * (such as the operator CLI in another process) never wait for the writer.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.workflow");
    static final String FORMAT = "wippy-workflows-2";
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)",
        """
        CREATE TABLE IF NOT EXISTS workflows(workflow_id TEXT PRIMARY KEY, run_id TEXT NOT NULL,
            type TEXT NOT NULL, entry_id TEXT NOT NULL, worker TEXT NOT NULL, task_queue TEXT NOT NULL,
            status TEXT NOT NULL, outcome BLOB, options BLOB, parent_pid TEXT, parent_run TEXT, parent_seq INTEGER,
            attempt INTEGER NOT NULL, history_length INTEGER NOT NULL, cancel_requested INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL, closed_at INTEGER, search BLOB, memo BLOB)""",
        "CREATE INDEX IF NOT EXISTS workflows_by_status ON workflows(status)",
        // one row per step: the step's records, keyed by the index of its first record in the run's history
        """
        CREATE TABLE IF NOT EXISTS history(run_id TEXT NOT NULL, idx INTEGER NOT NULL, records BLOB NOT NULL,
            PRIMARY KEY(run_id, idx)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS inbox(id INTEGER PRIMARY KEY, workflow_id TEXT NOT NULL, run_id TEXT,
            record BLOB NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS inbox_by_workflow ON inbox(workflow_id)",
        """
        CREATE TABLE IF NOT EXISTS activities(run_id TEXT NOT NULL, seq INTEGER NOT NULL, workflow_id TEXT NOT NULL,
            record BLOB NOT NULL, attempt INTEGER NOT NULL, due_at INTEGER NOT NULL, scheduled_at INTEGER NOT NULL,
            started_at INTEGER, PRIMARY KEY(run_id, seq)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS timers(run_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
            workflow_id TEXT NOT NULL, due_at INTEGER NOT NULL, PRIMARY KEY(run_id, seq, kind)) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS timers_by_workflow ON timers(workflow_id)",
        """
        CREATE TABLE IF NOT EXISTS outbox(id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, destination TEXT NOT NULL,
            topic TEXT NOT NULL, sender TEXT NOT NULL, payload BLOB)""",
        """
        CREATE TABLE IF NOT EXISTS requests(id INTEGER PRIMARY KEY AUTOINCREMENT, workflow_id TEXT NOT NULL,
            kind TEXT NOT NULL, topic TEXT, payload BLOB, reason TEXT, created_at INTEGER NOT NULL)""",
    };

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final LinkedBlockingQueue<Batch> pending = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final Thread checkpointer;
    private static final long CHECKPOINT_MILLIS = 500;
    private volatile boolean open = true;

    /** Settings of the file: {@code full} fsyncs at every commit, {@code normal} survives a crash of the process. */
    public enum Durability { FULL, NORMAL }

    private Store(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.writerThread = Thread.ofPlatform().daemon().name("workflow-store " + file.getFileName())
                .start(this::writeLoop);
        this.checkpointer = Thread.ofPlatform().daemon().name("workflow-checkpoints " + file.getFileName())
                .start(this::checkpoints);
    }

    /**
     * Copies the write-ahead log back into the database now and then, on the read connection: a passive
     * checkpoint never waits for the writer, and the writer's commits never pay for one.
     */
    private void checkpoints() {
        while (open) {
            try {
                Thread.sleep(CHECKPOINT_MILLIS);
                synchronized (reader) {
                    try (Statement s = reader.createStatement()) {
                        s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                LOG.warn("{}: checkpoint failed: {}", file, e.getMessage());
            }
        }
    }

    /**
     * Opens (creating when missing) the database at {@code file}.
     *
     * @throws StoreException when the file is not a database, belongs to something else, or cannot be opened
     */
    public static Store open(Path file, Durability durability) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Connection w = connect(file, durability);
            checkFormat(w, file);
            Connection r = connect(file, durability);
            return new Store(file, w, r);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException(file + ": cannot open the workflow database: " + e.getMessage());
        }
    }

    /** Opens an existing database for an operator tool; nothing is created. */
    public static Store openExisting(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + ": no workflow database here");
        }
        return open(file, Durability.FULL);
    }

    private static Connection connect(Path file, Durability durability) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        // no generated keys are read: without this the driver runs a query after every insert
        props.setProperty("jdbc.get_generated_keys", "false");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, props);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=" + durability.name());
            // the writer never checkpoints; the checkpointer does, beside it (see checkpoints())
            s.execute("PRAGMA wal_autocheckpoint=0");
            // the open runs' history and pending rows stay in memory: steps touch them again soon
            s.execute("PRAGMA cache_size=-65536");
            s.execute("PRAGMA temp_store=MEMORY");
        }
        return c;
    }

    private static void checkFormat(Connection c, Path file) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.isEmpty() && !tables.contains("meta")) {
            throw new StoreException(file + " is not a workflow database of this runtime (it has tables "
                    + tables + ")");
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('format', '" + FORMAT + "')");
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key='format'")) {
            String format = rs.next() ? rs.getString(1) : null;
            if (!FORMAT.equals(format)) {
                throw new StoreException(file + " holds workflow data of format '" + format + "', not " + FORMAT);
            }
        }
    }

    public Path file() {
        return file;
    }

    // ---------------------------------------------------------------- writing

    /** Statements run inside one transaction of the writer. */
    @FunctionalInterface
    public interface Work {
        void run(Tx tx) throws SQLException;
    }

    private record Batch(Work work, CompletableFuture<Void> committed) {
    }

    /** Queues {@code work}; the future completes when it is committed (or fails alone, others unaffected). */
    public CompletableFuture<Void> submit(Work work) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!open) {
            f.completeExceptionally(new StoreException(file + ": the workflow database is closed"));
            return f;
        }
        pending.add(new Batch(work, f));
        return f;
    }

    /** Submits and waits for the commit. */
    public void write(Work work) {
        try {
            submit(work).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException(String.valueOf(e.getCause()));
        }
    }

    private void writeLoop() {
        Tx tx = new Tx(writer);
        while (open || !pending.isEmpty()) {
            List<Batch> group = new ArrayList<>();
            try {
                Batch first = pending.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                if (!open) {
                    pending.drainTo(group);
                }
                if (group.isEmpty()) {
                    continue;
                }
            }
            pending.drainTo(group);
            commit(tx, group);
        }
    }

    /**
     * Commits a group: all batches in one transaction; when one fails, the group is done again with a savepoint
     * around each batch, so that only the failing one is dropped.
     */
    private void commit(Tx tx, List<Batch> group) {
        try {
            writer.setAutoCommit(false);
            try {
                for (Batch b : group) {
                    b.work.run(tx);
                }
                finish(group);
                return;
            } catch (SQLException | RuntimeException first) {
                writer.rollback();
            }
            List<Batch> done = new ArrayList<>(group.size());
            for (Batch b : group) {
                tx.exec("SAVEPOINT batch");
                try {
                    b.work.run(tx);
                    tx.exec("RELEASE batch");
                    done.add(b);
                } catch (SQLException | RuntimeException e) {
                    tx.exec("ROLLBACK TO batch");
                    tx.exec("RELEASE batch");
                    b.committed.completeExceptionally(e instanceof StoreException se ? se
                            : new StoreException(file + ": " + e.getMessage(), e));
                }
            }
            finish(done);
        } catch (SQLException e) {
            LOG.atError().addKeyValue("database", file).addKeyValue("error", e.getMessage())
                    .log("workflow database commit failed");
            try {
                writer.rollback();
                writer.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is broken; every batch of the group fails below
            }
            for (Batch b : group) {
                b.committed.completeExceptionally(new StoreException(file + ": commit failed: " + e.getMessage()));
            }
        }
    }

    private void finish(List<Batch> done) throws SQLException {
        writer.commit();
        writer.setAutoCommit(true);
        done.forEach(b -> b.committed.complete(null));
    }

    // ---------------------------------------------------------------- reading

    /** A query on the read connection; {@code read} maps the result. */
    public <T> T read(String sql, List<Object> args, RowsReader<T> read) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                Tx.bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    return read.read(rs);
                }
            } catch (SQLException e) {
                throw new StoreException(file + ": " + e.getMessage());
            }
        }
    }

    @FunctionalInterface
    public interface RowsReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Finishes pending batches, then closes both connections. */
    @Override
    public void close() {
        open = false;
        checkpointer.interrupt();
        writerThread.interrupt();
        try {
            writerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            writer.close();
            synchronized (reader) {
                reader.close();
            }
        } catch (SQLException e) {
            LOG.warn("closing {}: {}", file, e.getMessage());
        }
    }

    /** The statements of a transaction, prepared once per connection. */
    public static final class Tx {
        private final Connection c;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Tx(Connection c) {
            this.c = c;
        }

        public int exec(String sql, Object... args) throws SQLException {
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            bind(ps, args);
            return ps.executeUpdate();
        }

        public <T> T query(String sql, List<Object> args, RowsReader<T> read) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    return read.read(rs);
                }
            }
        }

        static void bind(PreparedStatement ps, Object[] args) throws SQLException {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    /** A database that cannot be used: not a database, another program's, or closed. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message) {
            super(message);
        }

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
