package dev.wippy.runtime.env;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code env.variable} entries: names, keys, defaults, read-only, and their load-time checks (spec 03 §3.12.1). */
class VariablesTest {
    @TempDir
    Path dir;

    private static String kindOf(Runnable r) {
        try {
            r.run();
        } catch (EnvFailure f) {
            return f.kind();
        }
        throw new AssertionError("no failure");
    }

    @Test
    void aPrivateVariableIsKeptUnderItsEntryIdAndReachedOnlyThroughIt() {
        Env env = EnvFixture.env(dir, """
                - { name: mem, kind: env.storage.memory }
                - { name: secret, kind: env.variable, storage: mem }
                """);
        env.set("app:secret", null, "pw");
        assertThat(env.all()).containsEntry("app:secret", "pw");
        assertThat(env.get("secret", "app")).as("bare name in the caller's namespace").isEqualTo("pw");
        assertThat(kindOf(() -> env.get("secret", null))).isEqualTo(ErrorObject.NOT_FOUND);
        assertThat(kindOf(() -> env.get("secret", "other"))).isEqualTo(ErrorObject.NOT_FOUND);
    }

    @Test
    void aPublicVariableIsReachedByNameOrEntryId() {
        Env env = EnvFixture.env(dir, """
                - { name: mem, kind: env.storage.memory }
                - { name: level, kind: env.variable, variable: LOG_LEVEL, storage: mem }
                """);
        env.set("app:level", null, "debug");
        assertThat(env.get("LOG_LEVEL", null)).isEqualTo("debug");
        assertThat(env.all()).containsEntry("LOG_LEVEL", "debug").doesNotContainKey("app:level");
    }

    @Test
    void theDefaultAnswersWhenTheStorageHasNoValueButIsNotListed() {
        Env env = EnvFixture.env(dir, """
                - { name: mem, kind: env.storage.memory }
                - { name: level, kind: env.variable, variable: LOG_LEVEL, storage: mem, default: info }
                """);
        assertThat(env.get("LOG_LEVEL", null)).isEqualTo("info");
        env.set("LOG_LEVEL", null, "");
        assertThat(env.get("LOG_LEVEL", null)).as("empty counts as not set").isEqualTo("info");
        assertThat(env.all()).doesNotContainKey("LOG_LEVEL");
    }

    @Test
    void readOnlyVariablesRefuseWritesInEitherSpelling() {
        Env env = EnvFixture.env(dir, """
                - { name: mem, kind: env.storage.memory }
                - { name: a, kind: env.variable, variable: A, storage: mem, readonly: true }
                - { name: b, kind: env.variable, variable: B, storage: mem, read_only: true }
                """);
        assertThat(kindOf(() -> env.set("A", null, "1"))).isEqualTo(ErrorObject.PERMISSION_DENIED);
        assertThat(kindOf(() -> env.set("B", null, "1"))).isEqualTo(ErrorObject.PERMISSION_DENIED);
    }

    @Test
    void undeclaredAndEmptyKeys() {
        Env env = EnvFixture.env(dir, "- { name: os, kind: env.storage.os }");
        assertThat(kindOf(() -> env.get("PATH", null))).as("OS values only through variables")
                .isEqualTo(ErrorObject.NOT_FOUND);
        assertThat(kindOf(() -> env.set("PATH", null, "x"))).isEqualTo(ErrorObject.NOT_FOUND);
        assertThat(kindOf(() -> env.get("", null))).isEqualTo(ErrorObject.INVALID);
    }

    @Test
    void badDeclarationsStopTheBootNamingTheEntry() {
        assertThatThrownBy(() -> EnvFixture.env(dir, "- { name: v, kind: env.variable, storage: nowhere }"))
                .isInstanceOf(BootException.class)
                .hasMessageMatching(".*_index.yaml:3: entry app:v: field 'storage' refers to app:nowhere, "
                        + "which does not exist");
        assertThatThrownBy(() -> EnvFixture.env(dir, "- { name: v, kind: env.variable, variable: V }"))
                .hasMessageEndingWith("entry app:v: missing required field 'storage'");
        assertThatThrownBy(() -> EnvFixture.env(dir, """
                - { name: data, kind: registry.entry }
                - { name: v, kind: env.variable, storage: data }
                """)).hasMessageEndingWith("field 'storage' refers to app:data, a registry.entry "
                + "(an env.storage.* entry is needed)");
        assertThatThrownBy(() -> EnvFixture.env(dir, """
                - { name: mem, kind: env.storage.memory }
                - { name: v, kind: env.variable, variable: LOG-LEVEL, storage: mem }
                """)).hasMessageEndingWith("variable name 'LOG-LEVEL' may only contain letters, digits and '_'");
        assertThatThrownBy(() -> EnvFixture.env(dir, """
                - { name: mem, kind: env.storage.memory }
                - { name: a, kind: env.variable, variable: SAME, storage: mem }
                - { name: b, kind: env.variable, variable: SAME, storage: mem }
                """)).hasMessageMatching(".*:5: entry app:b: variable name 'SAME' is already used by "
                + "entry app:a \\(.*_index.yaml:4\\)");
    }
}
