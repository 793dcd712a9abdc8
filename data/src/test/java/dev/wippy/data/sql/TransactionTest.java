package dev.wippy.data.sql;

import dev.wippy.data.DataApp;
import dev.wippy.data.DataApp.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Transactions, savepoints, pool statistics and handles ending with their execution (spec 08 §0, §3.3, §3.6). */
class TransactionTest {
    @TempDir
    Path dir;

    private static final String SCHEMA = """
                local db = assert(sql.get("app:db"))
                db:execute("DROP TABLE IF EXISTS acc")
                assert(db:execute("CREATE TABLE acc (name TEXT PRIMARY KEY, n INTEGER)"))
                local function count() return assert(db:query("SELECT COUNT(*) AS c FROM acc"))[1].c end
                """;

    private String run(Engine engine, String body) throws Exception {
        return DataApp.run(DataApp.app(dir, engine), SCHEMA + body);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void commitKeepsRollbackDiscardsAndSavepointsRollBackPartly(Engine engine) throws Exception {
        String out = run(engine, """
                local tx = assert(db:begin())
                assert(tx:execute("INSERT INTO acc VALUES ('a', 1)"))
                assert(tx:savepoint("sp1"))
                assert(tx:execute("INSERT INTO acc VALUES ('b', 2)"))
                assert(tx:rollback_to("sp1"))
                assert(tx:savepoint("sp2"))
                assert(tx:execute("INSERT INTO acc VALUES ('c', 3)"))
                assert(tx:release("sp2"))
                local inside = #assert(tx:query("SELECT name FROM acc"))
                assert(tx:commit())
                local after = count()
                local _, again = tx:commit()
                local _, q = tx:query("SELECT 1")
                local _, ty = tx:db_type()
                local tx2 = assert(db:begin({ isolation = sql.isolation.SERIALIZABLE, read_only = false }))
                assert(tx2:execute("DELETE FROM acc"))
                assert(tx2:rollback())
                local tx3 = assert(db:begin())
                local _, badName = tx3:savepoint("no-dashes")
                tx3:rollback()
                local _, badLevel = db:begin({ isolation = "sometimes" })
                return table.concat({inside, after, count(), again:kind(), again:message(), q:message(),
                    ty:message(), badName:kind(), badLevel:message()}, "|")
                """);
        assertThat(out).isEqualTo("2|2|2|Invalid|transaction is not active|transaction is not active|"
                + "transaction is not active|Invalid|invalid isolation level: sometimes");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTransactionLeftOpenIsRolledBackWhenItsExecutionEnds(Engine engine) throws Exception {
        var app = DataApp.app(dir, engine).entry("leave_open", "kind: function.lua\nmethod: run\nmodules: [sql]", """
                local sql = require("sql")
                return { run = function()
                    local tx = assert(assert(sql.get("app:db")):begin())
                    assert(tx:execute("INSERT INTO acc VALUES ('left', 1)"))
                    return "inserted"
                end }""");
        String out = DataApp.run(app, SCHEMA + """
                local leaves = require("funcs").call("app:leave_open")
                return leaves .. "|" .. count()
                """);
        assertThat(out).isEqualTo("inserted|0");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statsDescribeThePool(Engine engine) throws Exception {
        String out = run(engine, """
                local st = db:stats()
                local ok = pcall(function() st.in_use = 5 end)
                return table.concat({st.max_open_connections, math.type(st.open_connections), st.in_use,
                    type(st.wait_duration), tostring(ok)}, "|")
                """);
        assertThat(out).isEqualTo((engine == Engine.SQLITE ? "1.0" : "0.0") + "|float|0.0|string|false");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readOnlyTransactionsRefuseWritesOnPostgres(Engine engine) throws Exception {
        String out = run(engine, """
                local tx = assert(db:begin({ read_only = true }))
                local _, err = tx:execute("INSERT INTO acc VALUES ('ro', 1)")
                tx:rollback()
                return err and err:message() or "written"
                """);
        assertThat(out).isEqualTo(engine == Engine.SQLITE ? "written"
                : "pq: cannot execute INSERT in a read-only transaction (25006)");
    }
}
