package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.ModuleLua;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Origin;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.RegistryHistory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code registry} module (spec 01 §4) over a registry built in Java. */
class RegistryModuleTest {
    private static final List<Entry> BOOT = List.of(
            new Entry("shop:plan.pro", "registry.entry", Map.of("type", "billing.plan", "title", "Pro"),
                    Map.of("price_cents", 1900, "seats", 10, "features", List.of("sso", "audit")), Origin.RUNTIME),
            new Entry("shop:plan.basic", "registry.entry", Map.of("type", "billing.plan"),
                    Map.of("price_cents", 900), Origin.RUNTIME),
            new Entry("app:main", "process.lua", Map.of(), Map.of("method", "main"), Origin.RUNTIME));

    private static ModuleLua lua(boolean keepHistory) {
        RegistryHistory history = new RegistryHistory(new Registry(0, BOOT), keepHistory);
        return new ModuleLua("registry", RegistryModule.provider(history)::load) { };
    }

    private final ModuleLua lua = lua(true);

    private String text(String chunk) {
        return ((LuaString) lua.run(chunk)[0]).toString();
    }

    /** Lua that lists entry IDs: {@code ids(entries)}. */
    private static final String IDS = """
            local function ids(list)
              local out = {}
              for i, e in ipairs(list) do out[i] = e.id end
              return table.concat(out, " ")
            end
            """;

    @Test
    void getReturnsACopyOfTheEntryEveryTime() {
        assertThat(text("""
                local e = registry.get("shop:plan.pro")
                local first = e.kind .. " " .. e.meta.title .. " " .. e.data.price_cents .. " " .. e.data.features[2]
                e.data.price_cents = 1
                e.meta.title = "changed"
                local again = registry.get("shop:plan.pro")
                return first .. " | " .. again.data.price_cents .. " " .. again.meta.title
                  .. " | " .. type(registry.get("app:main").meta)
                """)).isEqualTo("registry.entry Pro 1900 audit | 1900 Pro | table");
        assertThat(lua.failure("registry.get('shop:missing')").kind()).isEqualTo(ErrorObject.NOT_FOUND);
        assertThat(lua.failure("registry.get(42)").kind()).isEqualTo(ErrorObject.INVALID);
    }

    @Test
    void findMatchesAllConditionsAndSortsById() {
        assertThat(text(IDS + """
                return ids(registry.find({ ["meta.type"] = "billing.plan" })) .. " | "
                  .. ids(registry.find({ [".kind"] = "registry.*", [".ns"] = "shop", ["^meta.title"] = "P" })) .. " | "
                  .. ids(registry.find({ [".kind"] = "function.lua" })) .. " | "
                  .. ids(registry.find({})) .. " | "
                  .. #registry.find({ ["meta.type"] = "nothing" })
                """)).isEqualTo("shop:plan.basic shop:plan.pro | shop:plan.pro |  | "
                + "app:main shop:plan.basic shop:plan.pro | 0");
        assertThat(lua.failure("registry.find('meta.type')").kind()).isEqualTo(ErrorObject.INVALID);
        assertThat(lua.failure("registry.find({ ['~meta.type'] = '(' })").kind()).isEqualTo(ErrorObject.INVALID);
        assertThat(lua.failure("registry.find({ ['meta.type'] = {} })").kind()).isEqualTo(ErrorObject.INVALID);
        assertThat(lua.failure("registry.find({ ['.color'] = 'red' })").kind()).isEqualTo(ErrorObject.INVALID);
    }

    @Test
    void parseIdSplitsAtTheFirstColon() {
        assertThat(text("""
                local a, b, c = registry.parse_id("app.lib:assert"), registry.parse_id("a:b:c"), registry.parse_id("x")
                return a.ns .. "/" .. a.name .. " " .. b.ns .. "/" .. b.name .. " " .. c.ns .. "/" .. c.name
                """)).isEqualTo("app.lib/assert a/b:c /x");
        assertThatThrownBy(() -> lua.run("registry.parse_id(nil)")).hasMessageContaining("string expected");
    }

    @Test
    void aChangesetQueuesOperationsAndApplyingItMakesTheNextVersion() {
        assertThat(text(IDS + """
                local snap = registry.snapshot()
                local ch = snap:changes()
                local same = ch:create({ id = "shop:plan.team", kind = "registry.entry",
                                         meta = { type = "billing.plan" }, data = { seats = 50 } })
                  :update({ id = "shop:plan.basic", kind = "registry.entry", data = { price_cents = 990 } })
                  :delete({ ns = "app", name = "main" })
                local ops = {}
                for i, op in ipairs(ch:ops()) do ops[i] = op.kind .. " " .. op.entry.id end
                local v = ch:apply()
                local basic = registry.get("shop:plan.basic")
                local _, gone = registry.get("app:main")
                return table.concat({ tostring(rawequal(same, ch)), table.concat(ops, ","), v:string(),
                  tostring(basic.data.price_cents), tostring(basic.meta.type), gone:kind(),
                  ids(snap:entries()), ids(registry.snapshot():entries()),
                  ids(registry.find({ ["meta.type"] = "billing.plan" })) }, " | ")
                """)).isEqualTo("true | entry.create shop:plan.team,entry.update shop:plan.basic,entry.delete app:main"
                + " | v1 | 990 | nil | NotFound | app:main shop:plan.basic shop:plan.pro"
                + " | shop:plan.basic shop:plan.pro shop:plan.team | shop:plan.pro shop:plan.team");
    }

    @Test
    void rejectedChangesetsAndMalformedOperationsReturnErrors() {
        lua.run("ch = function() return registry.snapshot():changes() end");
        assertThat(lua.failure("ch():apply()").kind()).isEqualTo(ErrorObject.INVALID);
        assertThat(lua.failure("ch():create({ id = 'app:main', kind = 'process.lua' }):apply()").kind())
                .isEqualTo(ErrorObject.ALREADY_EXISTS);
        assertThat(lua.failure("ch():update({ id = 'app:nope', kind = 'x' }):apply()").kind())
                .isEqualTo(ErrorObject.NOT_FOUND);
        assertThat(lua.failure("ch():delete('app:nope'):apply()").kind()).isEqualTo(ErrorObject.NOT_FOUND);
        for (String bad : new String[] {"ch():create('app:x')", "ch():create({ id = 'nocolon', kind = 'k' })",
                "ch():create({ id = 'app:x' })", "ch():create({ id = 'app:x', kind = 'k', data = 'text' })",
                "ch():create({ id = 'app:x', kind = 'k', data = { f = function() end } })", "ch():delete(7)",
                "ch():create({ id = 'app:x y', kind = 'k' })"}) {
            assertThat(lua.failure(bad).kind()).as(bad).isEqualTo(ErrorObject.INVALID);
        }
        assertThat(text("return registry.current_version():string()")).as("nothing applied").isEqualTo("v0");
    }

    @Test
    void versionsKnowTheirNeighboursAndSnapshotsStayAsTheyWere() {
        assertThat(text(IDS + """
                local v0 = registry.current_version()
                registry.snapshot():changes():delete("app:main"):apply()
                registry.snapshot():changes():delete("shop:plan.pro"):apply()
                local v1 = v0:next()
                local list = {}
                for i, v in ipairs(registry.versions()) do list[i] = v:string() end
                local hist = registry.history()
                local hv = {}
                for i, v in ipairs(hist:versions()) do hv[i] = v:id() end
                local _, missing = hist:get_version(7)
                local _, unknown = registry.snapshot_at(7)
                return table.concat({ v0:id(), tostring(v0:previous()), v1:string(), v1:next():string(),
                  tostring(v1:next():next()), table.concat(list, ","), table.concat(hv, ","),
                  hist:get_version(1):previous():string(), missing:kind(), unknown:kind(),
                  ids(registry.snapshot_at(v1):entries()), ids(hist:snapshot_at(0):entries()),
                  registry.snapshot_at(2):version():string() }, " | ")
                """)).isEqualTo("0 | nil | v1 | v2 | nil | v0,v1,v2 | 0,1,2 | v0 | NotFound | NotFound"
                + " | shop:plan.basic shop:plan.pro | app:main shop:plan.basic shop:plan.pro | v2");
    }

    @Test
    void applyVersionMakesAKeptVersionCurrentAgainWithoutANewOne() {
        assertThat(text(IDS + """
                local v0 = registry.current_version()
                registry.snapshot():changes():delete("app:main"):apply()
                local ok = registry.apply_version(v0)
                local back = registry.current_version():id() == v0:id()
                local same = registry.apply_version(registry.current_version())
                local bad, err = registry.apply_version(9)
                local entries = ids(registry.snapshot():entries())
                registry.snapshot():changes():delete("app:main"):apply()
                return table.concat({ tostring(ok), tostring(back), tostring(same), tostring(bad), err:kind(), entries,
                  registry.current_version():string() }, " | ")
                """)).isEqualTo("true | true | true | false | NotFound | app:main shop:plan.basic shop:plan.pro | v2");
    }

    @Test
    void buildDeltaListsTheOperationsBetweenTwoEntryLists() {
        assertThat(text("""
                local svc = { id = "app:svc", kind = "process.service", data = { process = "worker" } }
                local worker = { id = "app:worker", kind = "process.lua", data = { method = "main" } }
                local old = { id = "app:old", kind = "registry.entry" }
                local changed = { id = "app:old", kind = "registry.entry", meta = { title = "new" } }
                local out = {}
                for i, op in ipairs(registry.build_delta({ old }, { changed, svc, worker })) do
                  out[i] = op.kind .. " " .. op.entry.id
                end
                for _, op in ipairs(registry.build_delta({ svc, worker, old }, {})) do
                  out[#out + 1] = op.kind .. " " .. op.entry.id
                end
                return table.concat(out, ", ")
                """)).isEqualTo("entry.update app:old, entry.create app:worker, entry.create app:svc, "
                + "entry.delete app:svc, entry.delete app:worker, entry.delete app:old");
        assertThat(lua.failure("registry.build_delta({ 'x' }, {})").kind()).isEqualTo(ErrorObject.INVALID);
        assertThat(lua.failure("registry.build_delta(nil, {})").kind()).isEqualTo(ErrorObject.INVALID);
    }

    @Test
    void withoutHistoryOnlyTheHeadVersionIsKnown() {
        ModuleLua headOnly = lua(false);
        Object[] r = headOnly.run("""
                registry.snapshot():changes():delete("app:main"):apply()
                local list = registry.versions()
                local _, err = registry.snapshot_at(0)
                return #list, list[1]:string(), err:kind(), tostring(list[1]:previous())
                """);
        assertThat(r).containsExactly(1L, LuaString.of("v1"), LuaString.of(ErrorObject.NOT_FOUND), LuaString.of("nil"));
    }

    @Test
    void methodsCalledOnOtherValuesRaise() {
        assertThatThrownBy(() -> lua.run("registry.current_version().string({})"))
                .hasMessageContaining("Version expected");
        assertThatThrownBy(() -> lua.run("registry.snapshot().entries('x')")).hasMessageContaining("Snapshot expected");
    }
}
