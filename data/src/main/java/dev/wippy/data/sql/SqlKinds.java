package dev.wippy.data.sql;

/** The entry kinds of SQL databases and the engine names the {@code sql} module reports. */
public final class SqlKinds {
    public static final String KIND_SQLITE = "db.sql.sqlite";
    public static final String KIND_POSTGRES = "db.sql.postgres";

    static final String SQLITE = "sqlite";
    static final String POSTGRES = "postgres";
    static final String MYSQL = "mysql";
    static final String UNKNOWN = "unknown";

    private SqlKinds() {
    }

    public static boolean isDatabase(String kind) {
        return kind.equals(KIND_SQLITE) || kind.equals(KIND_POSTGRES);
    }
}
