package dev.wippy.data.store;

import dev.wippy.data.sql.Databases;
import dev.wippy.data.sql.SqlKinds;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The app's key-value stores, made from {@code store.memory} and {@code store.sql} entries at boot (a bad entry is
 * a boot error naming it), with their background expiry running from start until shutdown.
 */
public final class Stores implements Subsystem {
    public static final String KIND_MEMORY = "store.memory";
    public static final String KIND_SQL = "store.sql";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "insert", "update", "delete",
            "table", "drop", "group", "order", "by", "into", "values", "limit", "offset", "join", "union", "having",
            "create", "alter", "index", "distinct", "exists", "and", "or", "not", "as");

    private final Map<String, Store> stores = new LinkedHashMap<>();
    private final Registry registry;

    private Stores(Registry registry) {
        this.registry = registry;
    }

    public static Stores boot(Registry registry, Databases databases) {
        Stores s = new Stores(registry);
        for (Entry e : registry.all()) {
            if (e.kind().equals(KIND_MEMORY)) {
                s.stores.put(e.id(), memory(e));
            } else if (e.kind().equals(KIND_SQL)) {
                s.stores.put(e.id(), sql(e, registry, databases));
            }
        }
        return s;
    }

    private static MemoryStore memory(Entry e) {
        long maxSize = e.integer("max_size", 0);
        if (maxSize < 0) {
            throw BootException.at(e, "max_size must not be negative");
        }
        Duration cleanup = ConfigDurations.of(e, "cleanup_interval", Duration.ZERO);
        if (cleanup.isNegative()) {
            throw BootException.at(e, "cleanup_interval must not be negative");
        }
        return new MemoryStore(e.id(), maxSize == 0 ? 10_000 : (int) Math.min(maxSize, Integer.MAX_VALUE),
                cleanup.isZero() ? Duration.ofMinutes(5) : cleanup);
    }

    private static SqlStore sql(Entry e, Registry registry, Databases databases) {
        Entry db = registry.target(e, "database", Set.of(SqlKinds.KIND_SQLITE, SqlKinds.KIND_POSTGRES));
        String table = identifier(e, "table_name", null);
        Duration cleanup = ConfigDurations.of(e, "cleanup_interval", Duration.ZERO);
        if (cleanup.isNegative()) {
            throw BootException.at(e, "cleanup_interval must not be negative");
        }
        identifier(e, "database", db.name());
        return new SqlStore(e.id(), db.id(), databases, table, identifier(e, "id_column_name", "key"),
                identifier(e, "payload_column_name", "value"), identifier(e, "expire_column_name", "expires_at"),
                cleanup);
    }

    /** A table or column name (spec 08 §4.1): a letter, then letters, digits, _; at most 63; no SQL keyword. */
    private static String identifier(Entry e, String field, String value) {
        String name = value != null && field.equals("database") ? value : e.string(field);
        if (name == null || name.isEmpty()) {
            if (value == null) {
                throw BootException.at(e, field + " is required");
            }
            name = value;
        }
        if (!IDENTIFIER.matcher(name).matches() || KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw BootException.at(e, field + " '" + name + "' contains invalid characters (a letter, then letters, "
                    + "digits or _, at most 63, not an SQL keyword)");
        }
        return name;
    }

    /** The store of entry {@code id}, or null. */
    Store store(String id) {
        return stores.get(id);
    }

    /** Whether {@code id} is an entry of another kind. */
    boolean isOtherEntry(String id) {
        return !stores.containsKey(id) && registry.get(id) != null;
    }

    @Override
    public void start() {
        stores.values().forEach(Store::start);
    }

    @Override
    public void close() {
        stores.values().forEach(Store::close);
    }
}
