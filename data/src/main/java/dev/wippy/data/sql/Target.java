package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaState;

import java.sql.Connection;
import java.sql.SQLException;

/** Where statements run: a database handle (a pooled connection per call) or a transaction (its connection). */
interface Target {
    /** The engine, one of the {@code sql.type} values. */
    String type();

    /** Runs {@code work} on a connection without blocking the caller's execution (see {@link Blocking}). */
    <T> T use(LuaState s, ConnectionWork<T> work) throws SQLException;

    /** Work on a connection. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection conn, Blocking.Running running) throws SQLException;
    }
}
