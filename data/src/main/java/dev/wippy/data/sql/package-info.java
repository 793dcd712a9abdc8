/**
 * SQL databases (spec 08 §2–§3): the {@code db.sql.sqlite} and {@code db.sql.postgres} entries as HikariCP pools,
 * the {@code sql} module with its handles (databases, transactions, prepared statements, query executors), the
 * mapping between Lua and SQL values, and driver errors with the engines' own texts. JDBC work runs on virtual
 * threads of its own while the calling execution waits without holding its host. Handles belong to the execution
 * that got them and end with it. It must not know about stores or filesystems; {@code store.sql} uses it.
 */
package dev.wippy.data.sql;
