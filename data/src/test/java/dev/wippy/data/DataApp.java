package dev.wippy.data;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;

import java.nio.file.Path;


/**
 * A test app with one database {@code app:db} (SQLite file or the test PostgreSQL server) and a process
 * {@code app:main} whose Lua returns a string; helpers in Lua: {@code P(n)} is the n-th placeholder of the engine.
 */
public final class DataApp {
    public enum Engine { SQLITE, POSTGRES }

    static final String MODULES = "[sql, store, fs, funcs, json, time, channel, yaml, base64, hash, crypto]";

    private DataApp() {
    }

    /** The YAML of a database entry on {@code engine}; SQLite files live in {@code dir}. */
    public static String database(Engine engine, Path dir) {
        return engine == Engine.SQLITE ? "kind: db.sql.sqlite\nfile: " + dir.resolve("test.db")
                : "kind: db.sql.postgres\n" + PostgresServer.entryFields() + "options: { sslmode: disable }";
    }

    /** An app with {@code app:db} on {@code engine}, ready for more entries. */
    public static TestApp app(Path dir, Engine engine) {
        return new TestApp(dir).entry("db", database(engine, dir));
    }

    /** Runs {@code body} (the inside of a Lua function) as {@code app:main} and returns its string result. */
    public static String run(TestApp app, String body) throws Exception {
        app.entry("main", "kind: process.lua\nmethod: main\nmodules: " + MODULES, """
                local sql = require("sql")
                local function P(n, db) return (db or sql.get("app:db")):type() == "postgres" and ("$" .. n) or "?" end
                return { main = function(...)
                %s
                end }""".formatted(body));
        ExitResult r = app.run("main");
        if (r.error() != null) {
            throw new AssertionError("app:main failed: " + r.error().fullText());
        }
        return r.value() instanceof LuaString s ? s.toString() : String.valueOf(r.value());
    }

}
