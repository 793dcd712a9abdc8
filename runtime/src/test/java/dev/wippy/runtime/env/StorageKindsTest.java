package dev.wippy.runtime.env;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory, OS, static and router storages seen through variables (spec 03 §3.12.1). */
class StorageKindsTest {
    @TempDir
    Path dir;

    private static EnvFailure failure(Runnable r) {
        try {
            r.run();
        } catch (EnvFailure f) {
            return f;
        }
        throw new AssertionError("no failure");
    }

    @Test
    void memoryStartsEmptyAndKeepsWhatIsWritten() {
        Env env = EnvFixture.env(dir, """
                - { name: mem, kind: env.storage.memory }
                - { name: token, kind: env.variable, variable: TOKEN, storage: mem }
                """);
        assertThat(failure(() -> env.get("TOKEN", null)).kind()).isEqualTo(ErrorObject.NOT_FOUND);
        env.set("TOKEN", null, "abc");
        assertThat(env.get("TOKEN", null)).isEqualTo("abc");
        assertThat(env.all()).containsEntry("TOKEN", "abc");
    }

    @Test
    void osIsTheRuntimesEnvironmentReadOnly() {
        Env env = EnvFixture.env(dir, """
                - { name: os, kind: env.storage.os }
                - { name: path, kind: env.variable, variable: PATH, storage: os }
                """);
        assertThat(env.get("PATH", null)).isEqualTo(System.getenv("PATH"));
        EnvFailure denied = failure(() -> env.set("PATH", null, "/nowhere"));
        assertThat(denied.kind()).isEqualTo(ErrorObject.PERMISSION_DENIED);
        assertThat(denied.getMessage()).isEqualTo("storage app:os is read-only");
        assertThat(env.get("PATH", null)).isEqualTo(System.getenv("PATH"));
        Map<String, String> nonEmpty = new HashMap<>(System.getenv());
        nonEmpty.values().removeIf(String::isEmpty);
        assertThat(env.all()).containsAllEntriesOf(nonEmpty);
    }

    @Test
    void staticHoldsTheEntrysValuesReadOnly() {
        Env env = EnvFixture.env(dir, """
                - { name: fixed, kind: env.storage.static, values: { REGION: eu-west, RETRIES: 3 } }
                - { name: region, kind: env.variable, variable: REGION, storage: fixed }
                - { name: retries, kind: env.variable, variable: RETRIES, storage: fixed }
                """);
        assertThat(env.get("REGION", null)).isEqualTo("eu-west");
        assertThat(env.get("RETRIES", null)).isEqualTo("3");
        assertThat(failure(() -> env.set("REGION", null, "us")).kind()).isEqualTo(ErrorObject.PERMISSION_DENIED);
    }

    @Test
    void routerReadsInOrderWritesToTheFirstAndListsEarlierFirst() {
        Env env = EnvFixture.env(dir, """
                - name: chain
                  kind: env.storage.router
                  storages: [runtime, app:defaults]
                - { name: runtime, kind: env.storage.memory }
                - { name: defaults, kind: env.storage.static, values: { LOG_LEVEL: info, MODE: prod } }
                - { name: level, kind: env.variable, variable: LOG_LEVEL, storage: chain }
                - { name: mode, kind: env.variable, variable: MODE, storage: runtime }
                """);
        assertThat(env.get("LOG_LEVEL", null)).isEqualTo("info");
        env.set("LOG_LEVEL", null, "debug");
        assertThat(env.get("LOG_LEVEL", null)).isEqualTo("debug");
        env.set("MODE", null, "dev");
        assertThat(env.all()).containsEntry("LOG_LEVEL", "debug").containsEntry("MODE", "dev");
        env.set("LOG_LEVEL", null, "");
        assertThat(env.get("LOG_LEVEL", null)).as("an empty override falls through").isEqualTo("info");
    }

    @Test
    void routerWithAReadOnlyFirstStorageRefusesWrites() {
        Env env = EnvFixture.env(dir, """
                - { name: os, kind: env.storage.os }
                - { name: mem, kind: env.storage.memory }
                - { name: chain, kind: env.storage.router, storages: [os, mem] }
                - { name: x, kind: env.variable, variable: X_UNLIKELY_TO_EXIST, storage: chain }
                """);
        assertThat(failure(() -> env.set("X_UNLIKELY_TO_EXIST", null, "1")).kind())
                .isEqualTo(ErrorObject.PERMISSION_DENIED);
    }

    @Test
    void routerProblemsStopTheBoot() {
        assertThatThrownBy(() -> EnvFixture.env(dir, "- { name: chain, kind: env.storage.router }"))
                .isInstanceOf(BootException.class)
                .hasMessageEndingWith("entry app:chain: 'storages' must list at least one storage");
        assertThatThrownBy(() -> EnvFixture.env(dir,
                "- { name: chain, kind: env.storage.router, storages: [gone] }"))
                .hasMessageEndingWith("field 'storages' refers to app:gone, which does not exist");
        assertThatThrownBy(() -> EnvFixture.env(dir, """
                - { name: a, kind: env.storage.router, storages: [b] }
                - { name: b, kind: env.storage.router, storages: [a] }
                """)).hasMessageEndingWith("storage cycle: app:a -> app:b -> app:a");
    }
}
