package dev.wippy.data.sql;

import dev.wippy.data.DataApp;
import dev.wippy.data.DataApp.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code sql} module on both engines: statements, parameters, results, prepared statements (spec 08 §3). */
class SqlModuleTest {
    @TempDir
    Path dir;

    private String run(Engine engine, String body) throws Exception {
        return DataApp.run(DataApp.app(dir, engine), body);
    }

    private static final String TABLE = """
            local db = assert(sql.get("app:db"))
            db:execute("DROP TABLE IF EXISTS items")
            local id = db:type() == "postgres" and "BIGSERIAL PRIMARY KEY" or "INTEGER PRIMARY KEY"
            local blob = db:type() == "postgres" and "BYTEA" or "BLOB"
            assert(db:execute("CREATE TABLE items (id " .. id .. ", name TEXT UNIQUE, n BIGINT, x DOUBLE PRECISION, "
                .. "flag BOOLEAN, data " .. blob .. ", at TIMESTAMP)"))
            """;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void executeReportsCountsAndQueryReturnsRowsWithTheirTypes(Engine engine) throws Exception {
        String out = run(engine, TABLE + """
                local r = assert(db:execute("INSERT INTO items (name, n, x, flag, data, at) VALUES ("
                    .. P(1) .. "," .. P(2) .. "," .. P(3) .. "," .. P(4) .. "," .. P(5) .. "," .. P(6) .. ")",
                    {"big", math.maxinteger, 0.5, true, sql.as.binary("\\0\\1\\255"), "2024-05-01 12:30:00"}))
                local second = assert(db:execute("INSERT INTO items (name, n) VALUES (" .. P(1) .. ", " .. P(2) .. ")",
                    {"small", -7}))
                local rows = assert(db:query("SELECT id, name, n, x, flag, data, at FROM items ORDER BY id"))
                local a, b = rows[1], rows[2]
                local out = {
                    r.rows_affected, math.type(r.last_insert_id), #rows,
                    a.name, tostring(a.n == math.maxinteger), math.type(a.n), a.x, math.type(a.x), tostring(a.flag),
                    #a.data, a.data:byte(3), a.at, tostring(b.x), tostring(b.flag), tostring(b.data), b.n,
                }
                if db:type() == "sqlite" then out[#out + 1] = second.last_insert_id end
                local upd = assert(db:execute("UPDATE items SET x = 1.5"))
                out[#out + 1] = upd.rows_affected
                local none = assert(db:query("SELECT * FROM items WHERE name = " .. P(1), {"nobody"}))
                out[#out + 1] = #none
                return table.concat(out, " ")
                """);
        String sqliteTail = engine == Engine.SQLITE ? " 2" : "";
        assertThat(out).isEqualTo("1 integer 2 big true integer 0.5 float true 3 255 2024-05-01T12:30:00Z "
                + "nil nil nil -7" + sqliteTail + " 2 0");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void parametersFollowTheirLuaTypesAndInjectionStaysData(Engine engine) throws Exception {
        String out = run(engine, TABLE + """
                local evil = "x'); DROP TABLE items; --"
                assert(db:execute("INSERT INTO items (name, n) VALUES (" .. P(1) .. ", " .. P(2) .. ")", {evil, 1}))
                -- a hole binds NULL; string keys are ignored
                assert(db:execute("INSERT INTO items (name, n, x) VALUES (" .. P(1) .. ", " .. P(2) .. ", " .. P(3)
                    .. ")", {"holes", nil, 2.5, extra = "ignored"}))
                assert(db:execute("INSERT INTO items (name, n) VALUES (" .. P(1) .. ", " .. P(2) .. ")",
                    {"typed", sql.as.int(42.9)}))
                assert(db:execute("INSERT INTO items (name, n) VALUES (" .. P(1) .. ", " .. P(2) .. ")",
                    {"null", sql.NULL}))
                local rows = assert(db:query("SELECT name, n, x FROM items ORDER BY name"))
                local out = {}
                for _, r in ipairs(rows) do out[#out + 1] = r.name .. "=" .. tostring(r.n) .. "/" .. tostring(r.x) end
                local _, err = db:query("SELECT 1", "not a table")
                out[#out + 1] = err:kind() .. ":" .. err:message()
                return table.concat(out, "|")
                """);
        assertThat(out).isEqualTo("holes=nil/2.5|null=nil/nil|typed=42/nil|x'); DROP TABLE items; --=1/nil|"
                + "Invalid:parameters must be a table, got string");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void driverErrorsKeepTheEngineTextAndTheOperation(Engine engine) throws Exception {
        String out = run(engine, TABLE + """
                assert(db:execute("INSERT INTO items (name) VALUES ('dup')"))
                local _, dup = db:execute("INSERT INTO items (name) VALUES ('dup')")
                local _, syntax = db:query("SELEC nonsense")
                local _, missing = db:query("SELECT * FROM no_such_table")
                return table.concat({dup:kind() == "" and "unclassified" or dup:kind(), dup:message(),
                    syntax:message(), missing:message(), tostring(dup:retryable()),
                    dup:stack():match("^[^\\n]*")}, "\\n")
                """);
        if (engine == Engine.SQLITE) {
            assertThat(out).isEqualTo("""
                    unclassified
                    UNIQUE constraint failed: items.name
                    near "SELEC": syntax error
                    no such table: no_such_table
                    nil
                    execute""");
        } else {
            assertThat(out).matches("""
                    unclassified
                    pq: duplicate key value violates unique constraint "items_name_key" \\(23505\\)
                    pq: syntax error at or near "SELEC" at column 1 \\(42601\\)
                    pq: relation "no_such_table" does not exist at column 15 \\(42P01\\)
                    nil
                    execute""");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void preparedStatementsRunManyTimesUntilClosed(Engine engine) throws Exception {
        String out = run(engine, TABLE + """
                local ins = assert(db:prepare("INSERT INTO items (name, n) VALUES (" .. P(1) .. ", " .. P(2) .. ")"))
                for i = 1, 5 do assert(ins:execute({"item" .. i, i * i})) end
                local sel = assert(db:prepare("SELECT n FROM items WHERE name = " .. P(1)))
                local rows = assert(sel:query({"item4"}))
                assert(ins:close())
                local _, closed = ins:execute({"late", 0})
                local _, again = ins:close()
                local _, bad = db:prepare("SELECT FROM WHERE")
                return table.concat({rows[1].n, closed:kind(), closed:message(), again:message(),
                    tostring(bad ~= nil or db:type() == "postgres")}, "|")
                """);
        assertThat(out).isEqualTo("16|Invalid|statement is closed|statement is already closed|true");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void engineSpecificTypesComeBackAsTheSpecSays(Engine engine) throws Exception {
        String sql = engine == Engine.POSTGRES ? """
                local r = assert(db:query("SELECT 12.50::numeric AS price, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS id, "
                    .. "'{\\"b\\": 1}'::jsonb AS doc, TIMESTAMPTZ '2024-05-01 14:30:00.75+02' AS at, "
                    .. "DATE '2024-05-01' AS day, TIME '12:30:05' AS t, 7::smallint AS small, 2.5::real AS r"))[1]
                return table.concat({r.price, r.id, r.doc, r.at, r.day, r.t, math.type(r.small), math.type(r.r)}, "|")
                """ : """
                db:execute("DROP TABLE IF EXISTS dates")
                assert(db:execute("CREATE TABLE dates (d DATETIME, flag BOOLEAN, r REAL, plain TEXT)"))
                for _, v in ipairs({1714566600, 1714566600123, "2024-05-01 12:30:00.5+02:00", "2024-05-01T12:30Z",
                        "2024-05-01", "garbage"}) do
                    assert(db:execute("INSERT INTO dates (d, flag, r, plain) VALUES (?, ?, ?, ?)", {v, 2, 3, "x"}))
                end
                local out = {}
                for _, row in ipairs(assert(db:query("SELECT d, flag, r, plain FROM dates"))) do
                    out[#out + 1] = row.d
                end
                local one = assert(db:query("SELECT flag, r, datetime(0, 'unixepoch') AS expr FROM dates LIMIT 1"))[1]
                assert(db:execute("CREATE VIRTUAL TABLE docs USING fts5(body)"))
                assert(db:execute("INSERT INTO docs VALUES ('hello full text search')"))
                local hits = #assert(db:query("SELECT * FROM docs WHERE docs MATCH 'text'"))
                local _, vec = db:execute("CREATE VIRTUAL TABLE v USING vec0(e float[2])")
                return table.concat(out, "|") .. "|" .. tostring(one.flag) .. "|" .. math.type(one.r) .. "|"
                    .. one.expr .. "|" .. hits .. "|" .. vec:message()
                """;
        String out = run(engine, "local db = assert(sql.get('app:db'))\n" + sql);
        assertThat(out).isEqualTo(engine == Engine.POSTGRES
                ? "12.50|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|{\"b\": 1}|2024-05-01T12:30:00Z|2024-05-01T00:00:00Z|"
                        + "0000-01-01T12:30:05Z|integer|float"
                : "2024-05-01T12:30:00Z|2024-05-01T12:30:00Z|2024-05-01T10:30:00Z|2024-05-01T12:30:00Z|"
                        + "2024-05-01T00:00:00Z|0001-01-01T00:00:00Z|true|float|1970-01-01 00:00:00|1|"
                        + "no such module: vec0");
    }

    @org.junit.jupiter.api.Test
    void aMemoryDatabaseIsOneDatabaseSharedByEveryHandle() throws Exception {
        var app = new dev.wippy.runtime.funcs.TestApp(dir).entry("db", "kind: db.sql.sqlite\nfile: \":memory:\"")
                .entry("reader", "kind: function.lua\nmethod: read\nmodules: [sql]", """
                        local sql = require("sql")
                        return { read = function()
                            return assert(assert(sql.get("app:db")):query("SELECT v FROM shared"))[1].v
                        end }""");
        String out = DataApp.run(app, """
                local db = assert(sql.get("app:db"))
                assert(db:execute("CREATE TABLE shared (v TEXT)"))
                assert(db:execute("INSERT INTO shared VALUES ('seen by another execution')"))
                db:release()
                return require("funcs").call("app:reader")
                """);
        assertThat(out).isEqualTo("seen by another execution");
    }
}
