package dev.wippy.data.sql;

import java.util.Map;
import java.util.Properties;

/**
 * The {@code options} of a {@code db.sql.postgres} entry as PostgreSQL JDBC properties (spec 08 §2.4): libpq
 * keywords map to the driver's names, TLS is required (without verification) unless {@code sslmode} says otherwise,
 * and unknown keys become session parameters.
 */
final class PostgresOptions {
    private static final Map<String, String> KEYWORDS = Map.of(
            "sslmode", "sslmode",
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "sslrootcert", "sslrootcert",
            "sslcert", "sslcert",
            "sslkey", "sslkey",
            "sslpassword", "sslpassword");

    private PostgresOptions() {
    }

    static Properties properties(Map<String, String> options) {
        Properties p = new Properties();
        p.setProperty("sslmode", "require");
        // strings are bound untyped, as libpq does: the server infers their type from where they are used
        p.setProperty("stringtype", "unspecified");
        StringBuilder session = new StringBuilder();
        options.forEach((key, value) -> {
            String property = KEYWORDS.get(key);
            if (property != null) {
                p.setProperty(property, value);
            } else {
                if (!session.isEmpty()) {
                    session.append(' ');
                }
                session.append("-c ").append(key).append('=').append(value.replace(" ", "\\ "));
            }
        });
        if (!session.isEmpty()) {
            p.setProperty("options", session.toString());
        }
        return p;
    }
}
