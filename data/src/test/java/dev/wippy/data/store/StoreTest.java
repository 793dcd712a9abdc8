package dev.wippy.data.store;

import dev.wippy.data.DataApp;
import dev.wippy.data.DataApp.Engine;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code store.memory} and {@code store.sql} on both engines through the {@code store} module (spec 08 §4). */
class StoreTest {
    @TempDir
    Path dir;

    /** The same operations on any store: copies, normalised keys, TTLs, listing pages, errors. */
    private static final String COMMON = """
            local store = require("store")
            local time = require("time")
            local s = assert(store.get(ID))
            local t = {n = 1, list = {1, 2}}
            assert(s:set("a", t))
            t.n = 2
            local got = assert(s:get(":a"))
            got.n = 3
            local out = {assert(s:get("a")).n, #assert(s:get("a")).list}
            assert(s:set("gone", "soon", 0.05))
            out[#out + 1] = tostring(s:has("gone"))
            time.sleep("120ms")
            local _, missing = s:get("gone")
            out[#out + 1] = missing:kind() .. ":" .. missing:message()
            out[#out + 1] = tostring(s:has("gone"))
            for i = 1, 5 do assert(s:set("p:" .. i, i)) end
            local page = assert(s:list({prefix = "p:", limit = 2}))
            local page2 = assert(s:list({prefix = "p:", limit = 2, after = page.cursor}))
            out[#out + 1] = page.items[1].key .. "," .. page.items[2].key .. "," .. tostring(page.has_more)
            out[#out + 1] = page2.items[1].key .. "," .. page2.items[1].value
            out[#out + 1] = tostring(s:delete("p:1")) .. "," .. tostring(s:delete("p:1"))
            local _, empty = s:get("")
            local _, noValue = s:set("k", nil)
            out[#out + 1] = empty:message() .. "," .. noValue:message()
            local _, bad = s:set("f", function() end)
            out[#out + 1] = bad:kind()
            out[#out + 1] = tostring(s:info().backend) .. "," .. tostring(s:info().durable)
            s:release()
            local _, released = s:get("a")
            out[#out + 1] = released:message() .. "," .. tostring(s)
            return table.concat(out, "|")
            """;

    @Test
    void memoryStoreKeepsCopiesVersionsAndConditions() throws Exception {
        TestApp app = new TestApp(dir).entry("cache", "kind: store.memory\nmax_size: 8");
        String out = DataApp.run(app, "local ID = 'app:cache'\n" + COMMON.replace("return table.concat", """
                local s2 = assert(store.get("app:cache"))
                local e = assert(s2:put("v", "one"))
                local e2 = assert(s2:put("v", "two", {if_version = e.version}))
                local _, conflict = s2:put("v", "three", {if_version = e.version})
                local _, exists = s2:put("v", "x", {only_if_absent = true})
                local _, both = s2:put("v", "x", {only_if_absent = true, if_version = 1})
                out[#out + 1] = tostring(tonumber(e2.version) > tonumber(e.version)) .. "," .. conflict:kind() .. ","
                    .. tostring(conflict:retryable()) .. "," .. exists:kind() .. "," .. both:kind()
                for i = 1, 8 do s2:set("fill" .. i, i) end
                local _, full = s2:set("one-too-many", 1)
                out[#out + 1] = full:kind() .. ":" .. full:message()
                return table.concat"""));
        assertThat(out).isEqualTo("1|2|true|NotFound:key not found|false|p:1,p:2,true|p:3,3|true,false|"
                + "key is required,value is required|Internal|memory,false|store is released,store.Store{released}|"
                + "true,Conflict,true,AlreadyExists,Invalid|Unavailable:store is full");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sqlStoreKeepsJsonInATableOfTheDatabase(Engine engine) throws Exception {
        TestApp app = DataApp.app(dir, engine).entry("kv", """
                kind: store.sql
                database: app:db
                table_name: kv
                cleanup_interval: 50ms""");
        String blob = engine == Engine.SQLITE ? "BLOB" : "BYTEA";
        String stamp = engine == Engine.SQLITE ? "TIMESTAMP" : "TIMESTAMPTZ";
        String out = DataApp.run(app, """
                local db = assert(sql.get("app:db"))
                db:execute("DROP TABLE IF EXISTS kv")
                assert(db:execute("CREATE TABLE kv (key TEXT PRIMARY KEY, value %s NOT NULL, expires_at %s NULL)"))
                local ID = 'app:kv'
                """.formatted(blob, stamp) + COMMON.replace("return table.concat", """
                local raw = assert(db:query("SELECT key, value FROM kv WHERE key = 'p:3'"))[1]
                out[#out + 1] = raw.key .. "=" .. raw.value
                local s3 = assert(store.get(ID))
                local _, unsupported = s3:put("x", 1, {only_if_absent = true})
                out[#out + 1] = unsupported:message()
                return table.concat"""));
        assertThat(out).isEqualTo("1|2|true|NotFound:key not found|false|p:1,p:2,true|p:3,3|true,false|"
                + "key is required,value is required|Internal|sql,true|store is released,store.Store{released}|"
                + "p:3=3|operation not supported by this store");
    }

    @Test
    void badStoreEntriesStopTheBootNamingThem() {
        assertThatThrownBy(() -> new TestApp(dir).entry("kv", "kind: store.sql\ndatabase: app:nothing\n"
                + "table_name: kv").boot()).isInstanceOf(BootException.class)
                .hasMessageContaining("app:kv").hasMessageContaining("app:nothing");
        assertThatThrownBy(() -> DataApp.app(dir, Engine.SQLITE).entry("kv", "kind: store.sql\ndatabase: app:db\n"
                + "table_name: \"kv; DROP TABLE x\"").boot()).isInstanceOf(BootException.class)
                .hasMessageContaining("contains invalid characters").hasMessageContaining("_index.yaml");
        assertThatThrownBy(() -> new TestApp(dir).entry("m", "kind: store.memory\nmax_size: -1").boot())
                .hasMessageContaining("max_size must not be negative");
    }
}
