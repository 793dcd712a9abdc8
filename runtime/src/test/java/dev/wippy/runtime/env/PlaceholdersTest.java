package dev.wippy.runtime.env;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resolving {@code ${env:...}} placeholders in entry data (spec 01 §3, spec 03 §3.12.3). */
class PlaceholdersTest {
    @TempDir
    Path dir;

    private static final String ENV = """
            - name: fixed
              kind: env.storage.static
              values: { DB_HOST: db.internal, PORT: "9090", RATIO: "0.25", DEBUG: "TRUE", NAME: ada, EMPTY: "",
                        "app:secret": s3cret, WORD: many }
            - { name: db_host, kind: env.variable, variable: DB_HOST, storage: fixed, default: localhost }
            - { name: port, kind: env.variable, variable: PORT, storage: fixed }
            - { name: ratio, kind: env.variable, variable: RATIO, storage: fixed }
            - { name: debug, kind: env.variable, variable: DEBUG, storage: fixed }
            - { name: who, kind: env.variable, variable: NAME, storage: fixed }
            - { name: word, kind: env.variable, variable: WORD, storage: fixed }
            - { name: level, kind: env.variable, variable: LEVEL, storage: fixed, default: info }
            - { name: empty, kind: env.variable, variable: EMPTY, storage: fixed, default: from-default }
            - { name: unset, kind: env.variable, variable: UNSET, storage: fixed }
            - { name: secret, kind: env.variable, storage: fixed }
            """;

    /** The data of an entry of kind process.service with the given YAML fields, after decoding. */
    private Map<String, Object> decoded(String fields) {
        Registry registry = registryWith(fields);
        return new Placeholders(Env.boot(registry, dir)).decode(registry.get("app:target")).data();
    }

    private Registry registryWith(String fields) {
        return EnvFixture.registry(dir, ENV + "- name: target\n  kind: process.service\n"
                + fields.stripIndent().lines().map(l -> "  " + l + "\n").reduce("", String::concat));
    }

    @Test
    void theStoredValueComesFirst() {
        assertThat(decoded("host: ${env:DB_HOST|fallback}")).containsEntry("host", "db.internal");
    }

    @Test
    void thenTheVariablesDefaultThenTheInlineFallback() {
        assertThat(decoded("level: ${env:LEVEL|warn}")).containsEntry("level", "info");
        assertThat(decoded("unset: ${env:UNSET|warn}")).containsEntry("unset", "warn");
    }

    @Test
    void anEmptyStoredValueCountsAsNotSet() {
        assertThat(decoded("x: ${env:EMPTY}")).containsEntry("x", "from-default");
    }

    @Test
    void anUndeclaredVariableTakesTheFallbackToo() {
        assertThat(decoded("x: ${env:NOWHERE|plan-b}\ny: ${NOWHERE|plan-c}"))
                .containsEntry("x", "plan-b").containsEntry("y", "plan-c");
    }

    @Test
    void withoutAnyValueTheEntryIsRejectedNamingFileLineEntryFieldAndVariable() {
        assertThatThrownBy(() -> decoded("input: [a, \"${env:UNSET}\"]"))
                .isInstanceOf(BootException.class)
                .hasMessageContaining("_index.yaml:17: entry app:target: field 'input[1]': ${env:UNSET}: "
                        + "variable UNSET has no value and no default");
        assertThatThrownBy(() -> decoded("lifecycle: { restart: { max_delay: \"${env:MISSING}\" } }"))
                .isInstanceOf(BootException.class)
                .hasMessageEndingWith("field 'lifecycle.restart.max_delay': ${env:MISSING}: "
                        + "variable MISSING is not declared");
    }

    @Test
    void aStringThatIsOnePlaceholderTakesTheTypeOfItsFallback() {
        assertThat(decoded("""
                port: ${env:PORT|8080}
                ratio: ${env:RATIO|0.5}
                debug: ${env:DEBUG|false}
                workers: ${MISSING_WORKERS|4}
                on: ${MISSING_FLAG|true}
                """)).containsEntry("port", 9090L).containsEntry("ratio", 0.25).containsEntry("debug", true)
                .containsEntry("workers", 4L).containsEntry("on", true);
    }

    @Test
    void withoutATypedFallbackOrInsideTextTheValueStaysAString() {
        assertThat(decoded("""
                a: ${env:PORT}
                b: ${env:PORT|none}
                c: "port ${env:PORT|8080}"
                d: ${env:PORT|8080}${env:PORT|8080}
                """)).containsEntry("a", "9090").containsEntry("b", "9090").containsEntry("c", "port 9090")
                .containsEntry("d", "90909090");
    }

    @Test
    void aValueThatDoesNotFitTheFallbacksTypeIsRejected() {
        assertThatThrownBy(() -> decoded("port: ${env:NAME|8080}"))
                .isInstanceOf(BootException.class)
                .hasMessageEndingWith("field 'port': ${env:NAME|8080}: 'ada' is not an integer like the fallback");
        assertThatThrownBy(() -> decoded("on: ${env:WORD|true}"))
                .hasMessageEndingWith("'many' is not a boolean like the fallback");
    }

    @Test
    void escapesAndLookalikesAreLeftAsText() {
        assertThat(decoded("""
                a: $${env:DB_HOST}
                b: echo ${HOME} and $$HOME
                c: "${env:DB_HOST}/$${PORT|1}"
                """)).containsEntry("a", "${env:DB_HOST}").containsEntry("b", "echo ${HOME} and $$HOME")
                .containsEntry("c", "db.internal/${PORT|1}");
    }

    @Test
    void nestedMapsAndListsAreResolvedAndOtherValuesKept() {
        assertThat(decoded("""
                input: [ "${env:NAME}", 7, { host: "${env:DB_HOST}", tags: [x, "${env:LEVEL}"] }, null ]
                """)).containsEntry("input", Arrays.asList("ada", 7,
                Map.of("host", "db.internal", "tags", List.of("x", "info")), null));
    }

    @Test
    void variablesAreFoundByPublicNameEntryIdOrNameInTheEntrysNamespace() {
        assertThat(decoded("""
                a: ${env:app:who}
                b: ${env:app:secret}
                c: ${env:secret}
                """)).containsEntry("a", "ada").containsEntry("b", "s3cret").containsEntry("c", "s3cret");
    }

    @Test
    void metaIsNeverInterpolatedAndTheRegistryKeepsTheRawText() {
        Registry raw = EnvFixture.registry(dir, ENV + """
                - name: target
                  kind: process.service
                  meta: { title: "${env:NAME}" }
                  who: "${env:NAME}"
                - { name: data, kind: registry.entry, who: "${env:NAME}" }
                """);
        Registry decoded = new Placeholders(Env.boot(raw, dir)).decode(raw, Set.of("process.service"));
        Entry target = decoded.get("app:target");
        assertThat(target.data()).containsEntry("who", "ada");
        assertThat(target.meta()).containsEntry("title", "${env:NAME}");
        assertThat(target.origin()).isEqualTo(raw.get("app:target").origin());
        assertThat(raw.get("app:target").data()).containsEntry("who", "${env:NAME}");
        assertThat(decoded.get("app:data").data()).containsEntry("who", "${env:NAME}");
    }

    @Test
    void aDeprecatedEnvSiblingSetsItsFieldFromADeclaredVariable() {
        assertThat(decoded("""
                host: inline
                host_env: DB_HOST
                user: keep
                user_env: UNSET
                other_env: NOT_A_VARIABLE
                """)).containsEntry("host", "db.internal").doesNotContainKey("host_env")
                .containsEntry("user", "keep").doesNotContainKey("user_env")
                .containsEntry("other_env", "NOT_A_VARIABLE");
    }
}
