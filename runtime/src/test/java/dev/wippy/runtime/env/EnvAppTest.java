package dev.wippy.runtime.env;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A booted app whose entries and code read variables backed by a {@code .env} file and the OS environment. */
class EnvAppTest {
    @TempDir
    Path dir;

    private TestApp app() {
        return new TestApp(dir)
                .entry("dotenv", "kind: env.storage.file\nfile_path: config/app.env")
                .entry("os", "kind: env.storage.os")
                .entry("mem", "kind: env.storage.memory")
                .entry("greeting", "kind: env.variable\nvariable: GREETING\nstorage: dotenv")
                .entry("home", "kind: env.variable\nvariable: HOME\nstorage: os")
                .entry("seen", "kind: env.variable\nstorage: mem");
    }

    /** The app with a service {@code app:svc} whose process ignores its input. */
    private TestApp appWithService(String input) throws Exception {
        return app().entry("idle", "kind: process.lua\nmethod: main", "return { main = function() end }")
                .entry("svc", "kind: process.service\nprocess: idle\nhost: processes\ninput: " + input);
    }

    @Test
    void aServicesInputAndAProcessReadTheFileAndTheOsThroughVariables() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/app.env"), "# written by hand\nGREETING=hello from file\n");
        TestApp app = app()
                .entry("echo", """
                        kind: process.lua
                        method: main
                        modules: [env]""", """
                        return { main = function(greeting, home, count)
                            env.set("seen", greeting .. "|" .. home .. "|" .. math.type(count) .. " " .. count)
                        end }""")
                .entry("echo_service", """
                        kind: process.service
                        process: echo
                        host: processes
                        input: ["${env:GREETING}", "${env:HOME}", "${COUNT|3}"]
                        lifecycle: { auto_start: true }""")
                .entry("main", """
                        kind: process.lua
                        method: main
                        modules: [env, time]""", """
                        return { main = function()
                            local seen = env.get("seen")
                            for _ = 1, 500 do
                                if seen then break end
                                time.sleep("10ms")
                                seen = env.get("seen")
                            end
                            assert(env.set("GREETING", "hello again"))
                            return seen .. "|" .. env.get("app:greeting")
                        end }""");
        ExitResult r = app.run("main");
        assertThat(r.error()).as("process error").isNull();
        assertThat(((LuaString) r.value()).toString())
                .isEqualTo("hello from file|" + System.getenv("HOME") + "|integer 3|hello again");
        assertThat(Files.readAllLines(dir.resolve("config/app.env")))
                .containsExactly("# written by hand", "GREETING=hello again");
    }

    @Test
    void hostAndPoolSettingsAreReadAfterResolution() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/app.env"), "NO_WORKERS=0\n");
        TestApp pool = app().entry("workers", "kind: env.variable\nvariable: NO_WORKERS\nstorage: dotenv")
                .entry("fn", "kind: function.lua\nmethod: run\npool: { workers: \"${NO_WORKERS|8}\" }",
                        "return { run = function() end }");
        assertThatThrownBy(pool::boot).hasMessageEndingWith("entry app:fn: pool.workers must be at least 1");
        TestApp host = app().entry("workers", "kind: env.variable\nvariable: NO_WORKERS\nstorage: dotenv")
                .entry("small", "kind: process.host\nhost: { workers: \"${env:NO_WORKERS|4}\" }");
        assertThatThrownBy(host::boot).hasMessageEndingWith("entry app:small: host.workers must be at least 1");
    }

    @Test
    void theRegistryKeepsThePlaceholderText() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/app.env"), "GREETING=secret\n");
        Application booted = appWithService("[\"${env:GREETING}\"]").boot();
        try {
            assertThat(booted.registry().get("app:svc").data().get("input")).isEqualTo(List.of("${env:GREETING}"));
        } finally {
            booted.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void anUnresolvablePlaceholderStopsTheBootNamingFileLineAndEntry() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/app.env"), "");
        TestApp app = appWithService("[\"${env:GREETING}\"]");
        assertThatThrownBy(app::boot).isInstanceOf(BootException.class)
                .hasMessageMatching(".*src/_index.yaml:\\d+: entry app:svc: field 'input\\[0\\]': "
                        + "\\$\\{env:GREETING\\}: variable GREETING has no value and no default");
    }

    @Test
    void aMissingEnvFileStopsTheBoot() {
        assertThatThrownBy(() -> app().boot()).isInstanceOf(BootException.class)
                .hasMessageContaining("entry app:dotenv: file ").hasMessageContaining("config/app.env does not exist");
    }
}
