package dev.wippy.data.store;

import dev.wippy.data.sql.Blocking;
import dev.wippy.data.sql.Database;
import dev.wippy.data.sql.Databases;
import dev.wippy.data.sql.SqlFailure;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.json.JsonModule;
import dev.wippy.runtime.values.Frozen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code store.sql} (spec 08 §4.1, §4.7): entries in a table of a {@code db.sql.*} database, the value as JSON bytes,
 * the expiry as a timestamp (SQLite: UTC text compared textually). Reads filter expired rows; a cleanup deletes
 * them every {@code cleanup_interval} when that is set. No versions and no conditional writes.
 */
final class SqlStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.store");
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final String id;
    private final String databaseId;
    private final Databases databases;
    private final Duration cleanup;
    private final String select;
    private final String exists;
    private final String insert;
    private final String update;
    private final String remove;
    private final String page;
    private final String purge;
    private volatile boolean closed;
    private Thread cleaner;

    SqlStore(String id, String databaseId, Databases databases, String table, String key, String value, String expires,
             Duration cleanup) {
        this.id = id;
        this.databaseId = databaseId;
        this.databases = databases;
        this.cleanup = cleanup;
        String live = " AND (" + expires + " IS NULL OR " + expires + " > ?)";
        this.select = "SELECT " + value + " FROM " + table + " WHERE " + key + " = ?" + live;
        this.exists = "SELECT 1 FROM " + table + " WHERE " + key + " = ?";
        this.insert = "INSERT INTO " + table + " (" + key + ", " + value + ", " + expires + ") VALUES (?, ?, ?)";
        this.update = "UPDATE " + table + " SET " + value + " = ?, " + expires + " = ? WHERE " + key + " = ?";
        this.remove = "DELETE FROM " + table + " WHERE " + key + " = ?";
        this.page = "SELECT " + key + ", " + value + " FROM " + table + " WHERE " + key + " > ? AND substr(" + key
                + ", 1, CAST(? AS INTEGER)) = ?" + live + " ORDER BY " + key + " LIMIT ?";
        this.purge = "DELETE FROM " + table + " WHERE " + expires + " IS NOT NULL AND " + expires + " <= ?";
    }

    /** Work on a connection of the store's database. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection conn, boolean sqlite) throws SQLException, StoreException;
    }

    private <T> T run(LuaState s, Work<T> work) throws StoreException {
        if (closed) {
            throw new StoreException(ErrorObject.UNAVAILABLE, "store is closed");
        }
        Database db = databases.pool(databaseId);
        if (db == null) {
            throw new StoreException(ErrorObject.UNKNOWN, "database " + databaseId + " is not available");
        }
        boolean sqlite = db.type().equals("sqlite");
        try {
            Object[] failure = new Object[1];
            T result = Blocking.run(s, running -> {
                try (Connection conn = db.connection()) {
                    return work.run(conn, sqlite);
                } catch (StoreException e) {
                    failure[0] = e;
                    return null;
                }
            });
            if (failure[0] != null) {
                throw (StoreException) failure[0];
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException(ErrorObject.UNKNOWN, SqlFailure.text(e));
        }
    }

    /** The current instant as bound to the expiry column. */
    private static Object now(boolean sqlite) {
        return time(OffsetDateTime.now(ZoneOffset.UTC), sqlite);
    }

    private static Object time(OffsetDateTime t, boolean sqlite) {
        if (!sqlite) {
            return t;
        }
        String fraction = t.getNano() == 0 ? "" : ("." + String.format("%09d", t.getNano())).replaceAll("0+$", "");
        return t.format(SQLITE_TIME) + fraction + "+00:00";
    }

    private static Object expiry(double ttl, boolean sqlite) {
        return ttl > 0 ? time(OffsetDateTime.now(ZoneOffset.UTC).plusNanos((long) (ttl * 1e9)), sqlite) : null;
    }

    /** The JSON bytes of a value that could cross executions (functions and the like cannot). */
    private static byte[] encode(Object value) throws StoreException {
        try {
            Frozen.freeze(value);
            return JsonModule.encode(value, JsonModule.jsonFormat());
        } catch (IOException | RuntimeException e) {
            throw new StoreException(ErrorObject.INTERNAL, "failed to transcode: " + e.getMessage());
        }
    }

    private static Object decode(byte[] json) throws StoreException {
        try {
            return JsonModule.decode(json, JsonModule.jsonFormat());
        } catch (IOException e) {
            throw new StoreException(ErrorObject.INTERNAL, "failed to transcode: " + e.getMessage());
        }
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    @Override
    public Object get(LuaState s, String key) throws StoreException {
        return entry(s, key).value();
    }

    @Override
    public void set(LuaState s, String key, Object value, double ttl) throws StoreException {
        byte[] json = encode(value);
        run(s, (conn, sqlite) -> {
            boolean present;
            try (PreparedStatement ps = conn.prepareStatement(exists)) {
                bind(ps, key);
                try (ResultSet rs = ps.executeQuery()) {
                    present = rs.next();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(present ? update : insert)) {
                Object expires = expiry(ttl, sqlite);
                if (present) {
                    bind(ps, json, expires, key);
                } else {
                    bind(ps, key, json, expires);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean has(LuaState s, String key) throws StoreException {
        return run(s, (conn, sqlite) -> read(conn, sqlite, key) != null);
    }

    private byte[] read(Connection conn, boolean sqlite, String key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(select)) {
            bind(ps, key, now(sqlite));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    @Override
    public boolean delete(LuaState s, String key) throws StoreException {
        return run(s, (conn, sqlite) -> {
            boolean live = read(conn, sqlite, key) != null;
            try (PreparedStatement ps = conn.prepareStatement(remove)) {
                bind(ps, key);
                ps.executeUpdate();
            }
            return live;
        });
    }

    @Override
    public Item entry(LuaState s, String key) throws StoreException {
        byte[] json = run(s, (conn, sqlite) -> read(conn, sqlite, key));
        if (json == null) {
            throw new StoreException(ErrorObject.NOT_FOUND, "key not found");
        }
        return new Item(key, decode(json), "0");
    }

    @Override
    public Page list(LuaState s, String prefix, String after, int limit) throws StoreException {
        List<Object[]> rows = run(s, (conn, sqlite) -> {
            List<Object[]> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(page)) {
                bind(ps, after == null ? "" : after, (long) prefix.length(), prefix, now(sqlite), (long) limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Object[] {rs.getString(1), rs.getBytes(2)});
                    }
                }
            }
            return out;
        });
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(new Item((String) rows.get(i)[0], decode((byte[]) rows.get(i)[1]), "0"));
        }
        return new Page(items, items.isEmpty() ? "" : items.getLast().key(), rows.size() > limit);
    }

    @Override
    public Item put(LuaState s, String key, Object value, PutOptions o) throws StoreException {
        if (o.onlyIfAbsent() || o.ifVersion() != null) {
            throw new StoreException(ErrorObject.INVALID, "operation not supported by this store");
        }
        set(s, key, value, o.ttl());
        return entry(s, key);
    }

    @Override
    public Map<String, Object> info() {
        return Store.info(id, "sql", true, false);
    }

    @Override
    public void start() {
        if (cleanup.isZero()) {
            return;
        }
        cleaner = Thread.ofVirtual().name("store-cleanup " + id).start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(cleanup);
                    Database db = databases.pool(databaseId);
                    if (db == null) {
                        continue;
                    }
                    boolean sqlite = db.type().equals("sqlite");
                    try (Connection conn = db.connection(); PreparedStatement ps = conn.prepareStatement(purge)) {
                        bind(ps, now(sqlite));
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        LOG.warn("store {}: cleanup of expired entries failed: {}", id, e.getMessage());
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        if (cleaner != null) {
            cleaner.interrupt();
        }
    }
}
