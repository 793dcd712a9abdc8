package dev.wippy.data.sql;

import dev.wippy.data.DataApp;
import dev.wippy.data.DataApp.Engine;
import dev.wippy.runtime.ModuleLua;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sql.builder} (spec 08 §3.10): exact SQL text, arguments, immutability, errors, and running it. */
class QueryBuilderTest {
    @TempDir
    Path dir;

    private final ModuleLua lua = new ModuleLua("sql", s -> SqlModule.provider(null).load(s)) {
    };

    /** {@code sql .. " " .. args}, args joined by commas ({@code nil} for holes). */
    private String sql(String builder) {
        Object[] r = lua.run("""
                local b = sql.builder
                local q, args = (%s):to_sql()
                if not q then return "error: " .. args:message() end
                local parts = {}
                for i = 1, select("#", table.unpack(args, 1, 8)) do parts[i] = tostring(args[i]) end
                while parts[#parts] == "nil" do parts[#parts] = nil end
                return q .. " " .. table.concat(parts, ",")
                """.formatted(builder));
        return r[0].toString();
    }

    @Test
    void selectRendersEveryClauseInOrder() {
        assertThat(sql("b.select('id', 'name'):from('users'):where({active = 1}):order_by('name ASC'):limit(10)"))
                .isEqualTo("SELECT id, name FROM users WHERE active = ? ORDER BY name ASC LIMIT 10 1");
        assertThat(sql("b.select('u.id'):distinct():columns('count(*) AS n'):from('users u')"
                + ":left_join('orders o ON o.uid = u.id AND o.kind = ?', 'web'):where('u.age > ?', 18)"
                + ":where(b.or_({b.eq({role = 'admin'}), b.gte({score = 5})})):group_by('u.id')"
                + ":having('count(*) > ?', 2):order_by('n DESC'):limit(-3):offset(4):suffix('FOR UPDATE')"))
                .isEqualTo("SELECT DISTINCT u.id, count(*) AS n FROM users u LEFT JOIN orders o ON o.uid = u.id "
                        + "AND o.kind = ? WHERE u.age > ? AND (role = ? OR score >= ?) GROUP BY u.id "
                        + "HAVING count(*) > ? ORDER BY n DESC LIMIT 0 OFFSET 4 FOR UPDATE web,18,admin,5,2");
        assertThat(sql("b.select('*'):from('t'):where('')")).isEqualTo("SELECT * FROM t ");
    }

    @Test
    void conditionsSortKeysAndHandleNull() {
        assertThat(sql("b.select('*'):from('t'):where({b = 2, a = sql.NULL, c = 'x'})"))
                .isEqualTo("SELECT * FROM t WHERE a IS NULL AND b = ? AND c = ? 2,x");
        assertThat(sql("b.select('*'):from('t'):where(b.not_eq({a = sql.NULL, b = 1}))"))
                .isEqualTo("SELECT * FROM t WHERE a IS NOT NULL AND b <> ? 1");
        assertThat(sql("b.select('*'):from('t'):where(b.and_({})):where(b.or_({})):where(b.eq({}))"))
                .isEqualTo("SELECT * FROM t WHERE (1=1) AND (1=0) AND (1=1) ");
        assertThat(sql("b.select('*'):from('t'):where(b.lt({a = sql.NULL}))"))
                .isEqualTo("error: cannot use null with less than or greater than operators");
        assertThat(sql("b.select('*'):from('t'):where(b.like({z = 'a%', y = 'b%'}))"))
                .isEqualTo("SELECT * FROM t WHERE y LIKE ? AND z LIKE ? b%,a%");
        assertThat(sql("b.select('*'):from('t'):where('a = ? AND b = ?', sql.NULL, sql.as.int(3))"))
                .isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? ");
    }

    @Test
    void insertUpdateDeleteRenderTheirForms() {
        assertThat(sql("b.insert('t'):columns('a', 'b'):values(1, 'x'):values(2, sql.NULL)"))
                .isEqualTo("INSERT INTO t (a,b) VALUES (?,?),(?,?) 1,x,2");
        assertThat(sql("b.insert():into('t'):set_map({z = 1, a = b.expr('NOW()')}):options('OR IGNORE')"
                + ":prefix('WITH x AS (SELECT ?)', 7):suffix('RETURNING id')"))
                .isEqualTo("WITH x AS (SELECT ?) INSERT OR IGNORE INTO t (a,z) VALUES (NOW(),?) RETURNING id 7,1");
        assertThat(sql("b.insert('t'):columns('a'):select(b.select('x'):from('s'):where({y = 1}))"))
                .isEqualTo("INSERT INTO t (a) SELECT x FROM s WHERE y = ? 1");
        assertThat(sql("b.update('t'):set('a', 1):set('at', b.expr('CURRENT_TIMESTAMP')):set_map({c = 3, b = 2})"
                + ":where({id = 9}):order_by('id'):limit(1)"))
                .isEqualTo("UPDATE t SET a = ?, at = CURRENT_TIMESTAMP, b = ?, c = ? WHERE id = ? ORDER BY id "
                        + "LIMIT 1 1,2,3,9");
        assertThat(sql("b.update('t'):set('a', 1):from_select(b.select('id'):from('s'):where('k = ?', 5), 'q')"))
                .isEqualTo("UPDATE t SET a = ? FROM (SELECT id FROM s WHERE k = ?) AS q 1,5");
        assertThat(sql("b.update('t'):set('a', 1):where('')")).isEqualTo("UPDATE t SET a = ? WHERE  1");
        assertThat(sql("b.delete('t'):where(b.gt({n = 3})):limit(2)"))
                .isEqualTo("DELETE FROM t WHERE n > ? LIMIT 2 3");
    }

    @Test
    void generationErrorsAreInvalid() {
        assertThat(sql("b.select()")).isEqualTo("error: select statements must have at least one result column");
        assertThat(sql("b.insert():values(1)")).isEqualTo("error: insert statements must specify a table");
        assertThat(sql("b.insert('t')"))
                .isEqualTo("error: insert statements must have at least one set of values or select clause");
        assertThat(sql("b.update()")).isEqualTo("error: update statements must specify a table");
        assertThat(sql("b.update('t')")).isEqualTo("error: update statements must have at least one Set clause");
        assertThat(sql("b.delete()")).isEqualTo("error: delete statements must specify a From table");
        assertThatThrownBy(() -> lua.run("sql.builder.select(1)")).hasMessageContaining("string expected");
        assertThatThrownBy(() -> lua.run("sql.builder.select('a'):where(5)")).hasMessageContaining("bad argument");
    }

    @Test
    void placeholderFormatsNumberAcrossTheStatementAndBuildersAreImmutable() {
        assertThat(sql("b.select('*'):from('t'):where('a = ? OR b ?? c', 1):where({d = 2})"
                + ":placeholder_format(b.dollar)")).isEqualTo("SELECT * FROM t WHERE a = $1 OR b ? c AND d = $2 1,2");
        assertThat(sql("b.select('*'):from('t'):where({a = 1}):placeholder_format(b.at)"))
                .isEqualTo("SELECT * FROM t WHERE a = @p1 1");
        assertThat(sql("b.select('*'):from('t'):where({a = 1}):placeholder_format(b.colon)"))
                .isEqualTo("SELECT * FROM t WHERE a = :1 1");
        Object[] r = lua.run("""
                local base = sql.builder.select('id'):from('t')
                local a = base:where({x = 1})
                return tostring(base), tostring(a), tostring(sql.builder.eq({k = 'v'})),
                    tostring(sql.builder.select()), sql.builder.default_placeholder == sql.builder.question
                """);
        assertThat(r).containsExactly(dev.wippy.lua.vm.LuaString.of("SelectBuilder: SELECT id FROM t [Args: []]"),
                dev.wippy.lua.vm.LuaString.of("SelectBuilder: SELECT id FROM t WHERE x = ? [Args: [1]]"),
                dev.wippy.lua.vm.LuaString.of("SQL: k = ? [Args: [v]]"),
                dev.wippy.lua.vm.LuaString.of(
                        "SelectBuilder Error: select statements must have at least one result column"), true);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runWithUsesTheEnginesPlaceholders(Engine engine) throws Exception {
        String out = DataApp.run(DataApp.app(dir, engine), """
                local db = assert(sql.get("app:db"))
                local b = sql.builder
                db:execute("DROP TABLE IF EXISTS builder_jobs")
                assert(db:execute("CREATE TABLE builder_jobs (id TEXT PRIMARY KEY, status TEXT, n INTEGER)"))
                for i = 1, 4 do
                    assert(b.insert("builder_jobs"):columns("id", "status", "n")
                        :values("t" .. i, i % 2 == 0 and "done" or "pending", i):run_with(db):exec())
                end
                local ex = b.select("id", "n"):from("builder_jobs"):where({status = "done"}):order_by("n DESC"):run_with(db)
                local rows = assert(ex:query())
                local upd = assert(b.update("builder_jobs"):set("status", "done"):where(b.lt({n = 2})):run_with(db):exec())
                local tx = assert(db:begin())
                assert(b.delete("builder_jobs"):where({id = "t1"}):run_with(tx):exec())
                tx:rollback()
                local left = assert(b.select("COUNT(*) AS c"):from("builder_jobs"):run_with(db):query())[1].c
                local _, bad = b.select():run_with(db)
                return table.concat({rows[1].id, rows[2].id, upd.rows_affected, left, (ex:to_sql()), bad:kind()}, "|")
                """);
        String placeholder = engine == Engine.SQLITE ? "?" : "$1";
        assertThat(out).isEqualTo("t4|t2|1|4|SELECT id, n FROM builder_jobs WHERE status = " + placeholder
                + " ORDER BY n DESC|Invalid");
    }
}
