package dev.wippy.runtime.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading an app's definition files into the first registry version (spec 01 §1.2–§1.7). */
class RegistryLoaderTest {
    @TempDir
    Path root;

    private void file(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Registry load() {
        return RegistryLoader.load(root, w -> {}).registry();
    }

    @Test
    void entriesGetNamespacedIdsMetaAndVerbatimData() throws IOException {
        file("wippy.lock", "directories:\n  src: ./app\n");
        file("app/_index.yaml", """
                version: "1.0"
                namespace: shop.orders
                entries:
                  - name: place_order
                    kind: function.lua
                    meta: { title: Place order, ui.hidden: "true" }
                    source: file://place.lua
                    lifecycle: { auto_start: true }
                    pool: { workers: 4 }
                """);
        Entry e = load().get("shop.orders:place_order");
        assertThat(e.kind()).isEqualTo("function.lua");
        assertThat(e.meta()).containsEntry("title", "Place order").containsEntry("ui.hidden", "true");
        assertThat(e.data()).containsOnlyKeys("source", "lifecycle", "pool");
        assertThat(e.field("lifecycle.auto_start")).isEqualTo(true);
        assertThat(e.integer("pool.workers", 0)).isEqualTo(4);
        assertThat(e.origin().line()).isEqualTo(4);
        assertThat(e.namespace()).isEqualTo("shop.orders");
        assertThat(e.name()).isEqualTo("place_order");
    }

    @Test
    void scansRecursivelyInPathOrderSkippingHiddenDirectoriesAndOtherYaml() throws IOException {
        file("src/b/defs.yml", "namespace: b\nname: single\nkind: registry.entry\nprice: 3\n");
        file("src/a/_index.yaml", "namespace: a\nentries:\n  - { name: one, kind: registry.entry }\n");
        file("src/.hidden/_index.yaml", "namespace: h\nentries:\n  - { name: x, kind: registry.entry }\n");
        file("src/config.yaml", "just: some config\n");
        file("src/list.yaml", "- 1\n- 2\n");
        Registry r = RegistryLoader.load(root, w -> {}).registry();
        assertThat(r.all()).extracting(Entry::id).containsExactly("a:one", "b:single");
        assertThat(r.get("b:single").data()).isEqualTo(Map.of("price", 3));
        assertThat(r.version()).as("the boot version is v0 (spec 01 §4.5)").isZero();
    }

    @Test
    void relativeReferencesBelongToTheEntrysNamespace() throws IOException {
        file("src/x.yaml", """
                namespace: app.api
                entries:
                  - { name: svc, kind: process.service, process: worker, host: app:processes }
                """);
        Entry e = load().get("app.api:svc");
        assertThat(e.reference("process")).isEqualTo("app.api:worker");
        assertThat(e.reference("host")).isEqualTo("app:processes");
        assertThat(EntryId.parse("app.lib:assert")).isEqualTo(new EntryId("app.lib", "assert"));
    }

    @Test
    void aMissingLockFileWarnsAndUsesSrc() throws IOException {
        file("src/x.yaml", "namespace: a\nentries:\n  - { name: one, kind: registry.entry }\n");
        List<String> warnings = new ArrayList<>();
        RegistryLoader.Loaded loaded = RegistryLoader.load(root, warnings::add);
        assertThat(loaded.registry().get("a:one")).isNotNull();
        assertThat(warnings).singleElement().asString().contains("no wippy.lock").contains("wippy init");
    }

    @Test
    void aMissingSourceDirectoryIsABootError() {
        assertThatThrownBy(this::load).isInstanceOf(BootException.class).hasMessageContaining("src")
                .hasMessageContaining("does not exist");
    }

    @Test
    void brokenYamlNamesFileLineAndColumn() throws IOException {
        file("src/bad.yaml", "namespace: a\nentries:\n  - name: x\n    kind: [oops\n");
        assertThatThrownBy(this::load).isInstanceOf(BootException.class)
                .hasMessageMatching("(?s).*bad\\.yaml:\\d+:\\d+: invalid YAML: .*");
    }

    /** Found by DefinitionFileFuzzTest: the library reports these without a place. */
    @Test
    void aValueItsTagCannotMakeNamesFileAndLine() throws IOException {
        file("src/bad.yaml", "namespace: a\nentries:\n  - name: x\n    kind: registry.entry\n    size: !!int big\n");
        assertThatThrownBy(this::load).isInstanceOf(BootException.class)
                .hasMessageMatching("(?s).*bad\\.yaml:5:11: invalid YAML: cannot make a .*int of this: .*big.*");
    }

    /** Found by DefinitionFileFuzzTest: the reader reports these by character offset only. */
    @Test
    void aCharacterYamlForbidsNamesFileAndLine() throws IOException {
        file("src/bad.yaml", "namespace: a\nentries:\n  - name: x\n    note: \u0001\n");
        assertThatThrownBy(this::load).isInstanceOf(BootException.class)
                .hasMessageMatching("(?s).*bad\\.yaml:4: invalid YAML: special characters are not allowed"
                        + " \\(U\\+0001\\)");
    }

    /** Found by DefinitionFileFuzzTest: reading the file failed with "Input length = 1" and no place. */
    @Test
    void bytesThatAreNotUtf8NameFileAndLine() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.write(root.resolve("src/bad.yaml"), new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xff});
        assertThatThrownBy(this::load).isInstanceOf(BootException.class)
                .hasMessageMatching("(?s).*bad\\.yaml:2: invalid YAML: not UTF-8 text \\(byte 0xff\\)");
    }

    @Test
    void anEntryWithoutNameOrKindIsRefusedWithItsPlace() throws IOException {
        file("src/a.yaml", "namespace: a\nentries:\n  - { name: ok, kind: registry.entry }\n  - kind: process.lua\n");
        assertThatThrownBy(this::load).hasMessageEndingWith("a.yaml:4: entry #2 of namespace a (kind process.lua) "
                + "has no name");
        file("src/a.yaml", "namespace: a\nentries:\n  - name: nokind\n");
        assertThatThrownBy(this::load).hasMessageEndingWith("a.yaml:3: entry a:nokind has no kind");
    }

    @Test
    void duplicateIdsNameBothPlaces() throws IOException {
        file("src/a.yaml", "namespace: a\nentries:\n  - { name: one, kind: registry.entry }\n");
        file("src/b.yaml", "namespace: a\nentries:\n\n  - { name: one, kind: registry.entry }\n");
        assertThatThrownBy(this::load).isInstanceOf(BootException.class)
                .hasMessageContaining("b.yaml:4: entry a:one is declared twice (first at ")
                .hasMessageContaining("a.yaml:3)");
    }

    @Test
    void invalidNamesAreRefused() throws IOException {
        file("src/a.yaml", "namespace: a\nentries:\n  - { name: 'bad name', kind: registry.entry }\n");
        assertThatThrownBy(this::load).hasMessageContaining("entry a:bad name: invalid name");
    }

    @Test
    void typosOfKnownKindsFindTheIntendedKind() {
        List<String> known = List.of("process.lua", "function.lua", "process.host", "terminal.host");
        assertThat(KindNames.nearest("proces.lua", known)).isEqualTo("process.lua");
        assertThat(KindNames.nearest("terminal.hots", known)).isEqualTo("terminal.host");
        assertThat(KindNames.nearest("template.jet", known)).isNull();
    }

    @Test
    void durationsFollowTheConfigRules() {
        assertThat(ConfigDurations.parse("1m30s")).hasSeconds(90);
        assertThat(ConfigDurations.parse("500ms")).hasMillis(500);
        assertThat(ConfigDurations.parse("1.5h")).hasMinutes(90);
        assertThat(ConfigDurations.parse(250)).hasMillis(250);
        assertThat(ConfigDurations.parse("0")).isZero();
        assertThat(ConfigDurations.parse("10")).isNull();
        assertThat(ConfigDurations.parse("3d")).isNull();
    }
}
