package dev.wippy.runtime.app;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Lua entries created, changed or deleted through the {@code registry} module take effect at run time. */
class LiveCodeTest {
    @TempDir
    Path dir;

    private static String text(ExitResult r) {
        assertThat(r.error()).as("process error").isNull();
        return ((LuaString) r.value()).toString();
    }

    @Test
    void functionsCreatedChangedAndDeletedAtRunTimeAreCalledAsTheyNowAre() throws Exception {
        TestApp app = new TestApp(dir).entry("main", "kind: process.lua\nmethod: main\nmodules: [registry, funcs]", """
                local function fn(id, body)
                  return { id = id, kind = "function.lua", data = { source = body, method = "run" } }
                end
                return { main = function()
                  local out = {}
                  registry.snapshot():changes()
                    :create(fn("app:greet", "return { run = function(n) return 'hello ' .. n end }")):apply()
                  out[#out + 1] = funcs.call("app:greet", "Ada")
                  registry.snapshot():changes()
                    :update(fn("app:greet", "return { run = function(n) return 'hi ' .. n end }")):apply()
                  out[#out + 1] = funcs.call("app:greet", "Bo")
                  local _, bad = registry.snapshot():changes()
                    :update(fn("app:greet", "return { run = function( end }")):apply()
                  out[#out + 1] = bad:kind() .. ": " .. tostring(bad:message():find("app:greet", 1, true) ~= nil)
                  out[#out + 1] = funcs.call("app:greet", "Cy")
                  registry.snapshot():changes():delete("app:greet"):apply()
                  local _, gone = funcs.call("app:greet", "Di")
                  out[#out + 1] = gone:kind()
                  return table.concat(out, " | ")
                end }""");
        assertThat(text(app.run("main"))).isEqualTo("hello Ada | hi Bo | Invalid: true | hi Cy | NotFound");
    }
}
