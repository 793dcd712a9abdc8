package dev.wippy.data.sql;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.ext.AppCode;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's databases: a pool per {@code db.sql.*} entry, checked at boot (a bad entry is a boot error naming it),
 * pinged at start when the entry starts automatically, closed at shutdown once the executions holding handles
 * have ended. Entries created or changed at run time get a pool on first use; a pool whose entry changed its
 * settings is replaced, and the old one closes once its handles are released (spec 08 §1).
 */
public final class Databases implements Subsystem {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.sql");
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Path root;
    private final AppCode code;
    private final Map<String, Database> pools = new ConcurrentHashMap<>();
    /** Registry entries as last seen, so that an unchanged entry is not decoded again on every lookup. */
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();

    private Databases(Path root, AppCode code) {
        this.root = root;
        this.code = code;
    }

    /** Checks and prepares the database entries of {@code registry}. */
    public static Databases boot(Registry registry, Path root, AppCode code) {
        Databases d = new Databases(root, code);
        for (Entry e : registry.all()) {
            if (SqlKinds.isDatabase(e.kind())) {
                try {
                    d.open(e);
                } catch (DatabaseConfig.Invalid x) {
                    throw BootException.at(e, x.getMessage());
                }
            }
        }
        return d;
    }

    private Database open(Entry e) {
        DatabaseConfig config = DatabaseConfig.of(e, root);
        Database old = pools.get(e.id());
        if (old != null && old.config.equals(config)) {
            seen.put(e.id(), e);
            return old;
        }
        Database.enableWal(config);
        Database db = new Database(config);
        pools.put(e.id(), db);
        seen.put(e.id(), e);
        if (old != null) {
            Thread.ofVirtual().name("sql-close").start(() -> old.close(Duration.ofDays(1)));
        }
        return db;
    }

    /** The outcome of looking up a database for {@code sql.get}. */
    sealed interface Lookup {
        record Found(Database database) implements Lookup {}

        record Missing(String kind, String message) implements Lookup {}
    }

    /** The pool of entry {@code id} at the current registry version. */
    Lookup find(String id) {
        Entry e = code.decoded().get(id);
        if (e == null) {
            Database gone = pools.remove(id);
            seen.remove(id);
            if (gone != null) {
                Thread.ofVirtual().name("sql-close").start(() -> gone.close(Duration.ofDays(1)));
            }
            return new Lookup.Missing(ErrorObject.NOT_FOUND, "resource not found");
        }
        if (!SqlKinds.isDatabase(e.kind())) {
            return new Lookup.Missing(ErrorObject.INVALID, "resource is not a database: "
                    + id);
        }
        Database db = pools.get(id);
        if (db == null || seen.get(id) != e) {
            try {
                db = open(e);
            } catch (DatabaseConfig.Invalid x) {
                return new Lookup.Missing(ErrorObject.INVALID, x.getMessage());
            }
        }
        if (db.isClosed()) {
            return new Lookup.Missing(ErrorObject.UNAVAILABLE, "connection pool is closed");
        }
        return new Lookup.Found(db);
    }

    /** The pool of entry {@code id} for Java users in this module (the SQL store), or null. */
    public Database pool(String id) {
        return find(id) instanceof Lookup.Found f ? f.database() : null;
    }

    @Override
    public void start() {
        for (Entry e : code.decoded().all()) {
            Database db = pools.get(e.id());
            if (db != null && e.flag("lifecycle.auto_start", false)) {
                try {
                    db.ping();
                } catch (SQLException x) {
                    LOG.warn("failed to ping database {}: {}", e.id(), SqlFailure.text(x));
                }
            }
        }
    }

    @Override
    public void close() {
        List<String> late = new ArrayList<>();
        pools.forEach((id, db) -> {
            if (!db.close(CLOSE_WAIT)) {
                late.add(id);
            }
        });
        if (!late.isEmpty()) {
            LOG.warn("closed databases with handles still held: {}", late);
        }
    }
}
