package dev.wippy.runtime.registrymod;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code registry} module in a booted app: the entries of its definition files, boot version v0. */
class RegistryModuleAppTest {
    @TempDir
    Path dir;

    private static final String PROCESS = "kind: process.lua\nmethod: main\nmodules: [registry]";

    private TestApp app() {
        return new TestApp(dir)
                .entry("plan.pro", "kind: registry.entry\nmeta: { type: billing.plan, title: Pro }\n"
                        + "price_cents: 1900\nseats: 10")
                .entry("plan.basic", "kind: registry.entry\nmeta: { type: billing.plan, beta: true }\nseats: 1");
    }

    private static String text(ExitResult r) {
        assertThat(r.error()).as("process error").isNull();
        return ((LuaString) r.value()).toString();
    }

    @Test
    void entriesOfDefinitionFilesCanBeFoundAndChanged() throws Exception {
        TestApp app = app().entry("main", PROCESS, """
                return { main = function()
                  local function plans()
                    local out = {}
                    for _, e in ipairs(registry.find({ ["meta.type"] = "billing.plan" })) do
                      out[#out + 1] = e.id .. "=" .. tostring(e.data.seats)
                    end
                    return table.concat(out, " ")
                  end
                  local before = registry.current_version():string() .. " " .. plans()
                  local beta = registry.find({ ["meta.beta"] = "true" })[1].id
                  local v = registry.snapshot():changes()
                    :create({ id = "app:plan.team", kind = "registry.entry", meta = { type = "billing.plan" },
                              data = { seats = 50 } })
                    :apply()
                  local host = registry.get("app:processes")
                  return before .. " | " .. beta .. " | " .. v:string() .. " " .. plans() .. " | " .. host.kind
                end }""");
        assertThat(text(app.run("main"))).isEqualTo("v0 app:plan.basic=1 app:plan.pro=10 | app:plan.basic"
                + " | v1 app:plan.basic=1 app:plan.pro=10 app:plan.team=50 | process.host");
    }

    @Test
    void historyCanBeSwitchedOffInTheRuntimeConfiguration() throws Exception {
        Files.writeString(dir.resolve(".wippy.yaml"), "registry:\n  enable_history: false\n");
        TestApp app = app().entry("main", PROCESS, """
                return { main = function()
                  registry.snapshot():changes():delete("app:plan.pro"):apply()
                  local _, err = registry.snapshot_at(0)
                  return #registry.versions() .. " " .. err:kind()
                end }""");
        assertThat(text(app.run("main"))).isEqualTo("1 NotFound");
    }

    @Test
    void applyVersionRemovesFunctionsCreatedAfterTheVersion() throws Exception {
        TestApp app = app().entry("main", "kind: process.lua\nmethod: main\nmodules: [registry, funcs]", """
                return { main = function()
                  local v0 = registry.current_version()
                  registry.snapshot():changes():create({ id = "app:double", kind = "function.lua",
                    data = { source = "return { main = function(x) return x * 2 end }", method = "main" } }):apply()
                  local before = funcs.call("app:double", 21)
                  assert(registry.apply_version(v0))
                  local _, err = funcs.call("app:double", 21)
                  return before .. " " .. err:kind() .. " " .. tostring(registry.current_version():id() == v0:id())
                end }""");
        assertThat(text(app.run("main"))).isEqualTo("42 NotFound true");
    }

}
