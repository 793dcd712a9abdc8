package dev.wippy.runtime.env;

import dev.wippy.lua.vm.LuaError;
import dev.wippy.runtime.ModuleLua;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code env} module: {@code get}, {@code set}, {@code get_all} and their errors (spec 03 §3.12.2). */
class EnvModuleTest {
    @TempDir
    Path dir;

    private ModuleLua lua;

    @BeforeEach
    void boot() throws Exception {
        Files.writeString(dir.resolve(".env"), "API_KEY=k-123\n");
        Env env = EnvFixture.env(dir, """
                - { name: os_env, kind: env.storage.os }
                - { name: runtime, kind: env.storage.memory }
                - { name: file, kind: env.storage.file, file_path: .env }
                - { name: chain, kind: env.storage.router, storages: [runtime, os_env] }
                - { name: log_level, kind: env.variable, variable: LOG_LEVEL, storage: chain, default: info }
                - { name: home, kind: env.variable, variable: HOME, storage: os_env }
                - { name: api_key, kind: env.variable, variable: API_KEY, storage: file, readonly: true }
                - { name: count, kind: env.variable, variable: COUNT, storage: runtime }
                - { name: unset, kind: env.variable, variable: UNSET, storage: runtime }
                """);
        lua = new ModuleLua("env", EnvModule.provider(env)::load) {};
    }

    @Test
    void getReturnsTheValueOrTheDefault() {
        assertThat(lua.text("env.get('LOG_LEVEL')")).isEqualTo("info");
        assertThat(lua.text("env.get('HOME')")).isEqualTo(System.getenv("HOME"));
        assertThat(lua.text("env.get('app:api_key')")).isEqualTo("k-123");
    }

    @Test
    void setWritesToTheVariablesStorageAndReturnsTrue() {
        assertThat(lua.eval("env.set('LOG_LEVEL', 'debug')")).isEqualTo(Boolean.TRUE);
        assertThat(lua.text("env.get('LOG_LEVEL')")).isEqualTo("debug");
        assertThat(lua.eval("env.set('COUNT', 42)")).as("numbers are converted").isEqualTo(Boolean.TRUE);
        assertThat(lua.eval("env.get('COUNT')")).hasToString("42");
    }

    @Test
    void getAllListsEveryStoragesValuesWithoutDefaults() {
        lua.run("env.set('COUNT', '7')");
        assertThat(lua.eval("env.get_all().COUNT")).hasToString("7");
        assertThat(lua.eval("env.get_all().API_KEY")).hasToString("k-123");
        assertThat(lua.eval("env.get_all().HOME")).hasToString(System.getenv("HOME"));
        assertThat(lua.eval("env.get_all().LOG_LEVEL")).as("defaults are not listed").isNull();
    }

    @Test
    void undeclaredOrUnsetIsNotFound() {
        ModuleLua.Failure undeclared = lua.failure("env.get('SHELL_ONLY_NAME')");
        assertThat(undeclared).isEqualTo(new ModuleLua.Failure(true, "NotFound",
                "environment variable SHELL_ONLY_NAME is not declared", false));
        assertThat(lua.failure("env.get('UNSET')")).isEqualTo(new ModuleLua.Failure(true, "NotFound",
                "environment variable UNSET is not set", false));
        assertThat(lua.failure("env.set('NOPE', 'x')").kind()).isEqualTo("NotFound");
    }

    @Test
    void anEmptyKeyIsInvalid() {
        assertThat(lua.failure("env.get('')")).isEqualTo(new ModuleLua.Failure(true, "Invalid",
                "environment variable name must not be empty", false));
        assertThat(lua.failure("env.set('', 'x')").kind()).isEqualTo("Invalid");
    }

    @Test
    void readOnlyVariablesAndStoragesDenyWrites() {
        assertThat(lua.failure("env.set('API_KEY', 'x')")).isEqualTo(new ModuleLua.Failure(true,
                "PermissionDenied", "environment variable API_KEY is read-only", false));
        assertThat(lua.failure("env.set('HOME', '/srv/x')")).isEqualTo(new ModuleLua.Failure(true,
                "PermissionDenied", "storage app:os_env is read-only", false));
        assertThat(lua.text("env.get('API_KEY')")).isEqualTo("k-123");
    }

    @Test
    void aKeyOrValueOfTheWrongTypeRaises() {
        assertThatThrownBy(() -> lua.run("env.get(1)")).isInstanceOf(LuaError.class)
                .hasMessageContaining("bad argument #1 to 'get' (string expected, got number)");
        assertThatThrownBy(() -> lua.run("env.get()")).hasMessageContaining("string expected, got no value");
        assertThatThrownBy(() -> lua.run("env.set('COUNT', {})"))
                .hasMessageContaining("bad argument #2 to 'set' (string expected, got table)");
    }

    @Test
    void theModuleTableIsReadOnlyAndHasExactlyThreeFunctions() {
        assertThat(lua.eval("(function() local n = 0 for _ in pairs(env) do n = n + 1 end return n end)()"))
                .isEqualTo(3L);
        assertThatThrownBy(() -> lua.run("env.get = nil")).isInstanceOf(LuaError.class);
    }
}
