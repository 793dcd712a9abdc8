package dev.wippy.data.sql;

import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The connection and pool settings of a {@code db.sql.*} entry (spec 08 §2), decoded and checked. Two entries with
 * equal configs can share a pool; a changed config needs a new one.
 */
record DatabaseConfig(String id, String type, String url, String user, String password, Map<String, String> options,
                      int maxOpen, int maxIdle, Duration maxLifetime) {
    static final String SQLITE_MEMORY = ":memory:";
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /** A problem with the entry's fields, reported as a boot error naming the entry. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    boolean sqlite() {
        return type.equals(SqlKinds.SQLITE);
    }

    boolean inMemory() {
        return url.equals("jdbc:sqlite::memory:");
    }

    /** The settings of {@code e}; relative SQLite files resolve against {@code root}. */
    static DatabaseConfig of(Entry e, Path root) {
        Duration lifetime = ConfigDurations.of(e, "pool.max_lifetime", DEFAULT_LIFETIME);
        if (lifetime.isZero() || lifetime.isNegative()) {
            lifetime = DEFAULT_LIFETIME;
        }
        int maxOpen = (int) Math.max(0, e.integer("pool.max_open", 0));
        int maxIdle = (int) Math.max(0, e.integer("pool.max_idle", 0));
        Map<String, String> options = options(e);
        if (e.kind().equals(SqlKinds.KIND_SQLITE)) {
            String file = e.string("file");
            if (file == null || file.isEmpty()) {
                throw new Invalid("file path is required");
            }
            String url;
            if (file.equals(SQLITE_MEMORY)) {
                url = "jdbc:sqlite::memory:";
            } else {
                Path path = root.resolve(file).toAbsolutePath().normalize();
                if (!Files.isDirectory(path.getParent())) {
                    throw new Invalid("failed to enable WAL mode: directory " + path.getParent() + " does not exist");
                }
                url = "jdbc:sqlite:" + path;
            }
            return new DatabaseConfig(e.id(), SqlKinds.SQLITE, url, null, null, options, 1, 1, lifetime);
        }
        // NAME_env siblings were resolved with the rest of the data (runtime.env.Placeholders)
        String host = e.string("host");
        String port = e.string("port");
        String database = e.string("database");
        String user = e.string("username");
        String password = e.string("password");
        require(host, "host is required");
        require(port, "port must be greater than 0");
        require(database, "database is required");
        require(user, "username is required");
        require(password, "password is required");
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.trim());
        } catch (NumberFormatException x) {
            throw new Invalid("invalid port value from env: " + port);
        }
        if (portNumber <= 0) {
            throw new Invalid("port must be greater than 0");
        }
        String url = "jdbc:postgresql://" + host + ":" + portNumber + "/" + database;
        return new DatabaseConfig(e.id(), SqlKinds.POSTGRES, url, user, password, options, maxOpen, maxIdle,
                lifetime);
    }

    private static void require(String value, String message) {
        if (value == null || value.isEmpty()) {
            throw new Invalid(message);
        }
    }

    private static Map<String, String> options(Entry e) {
        Map<String, String> out = new TreeMap<>();
        if (e.field("options") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
