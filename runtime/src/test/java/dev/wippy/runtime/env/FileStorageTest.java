package dev.wippy.runtime.env;

import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code env.storage.file}: a {@code .env} file relative to the project root (spec 03 §3.12.1). */
class FileStorageTest {
    @TempDir
    Path dir;

    private static final String VARIABLES = """
            - { name: host, kind: env.variable, variable: DB_HOST, storage: file }
            - { name: user, kind: env.variable, variable: DB_USER, storage: file }
            """;

    @Test
    void valuesAreReadFromTheFileAtBoot() throws Exception {
        Files.writeString(dir.resolve(".env"), "# database\nDB_HOST=db.local\nDB_USER=\"ada lovelace\"\n");
        Env env = EnvFixture.env(dir, "- { name: file, kind: env.storage.file, file_path: .env }\n" + VARIABLES);
        assertThat(env.get("DB_HOST", null)).isEqualTo("db.local");
        assertThat(env.get("DB_USER", null)).isEqualTo("ada lovelace");
    }

    @Test
    void writesPersistToTheFileKeepingCommentsAndOrder() throws Exception {
        Path file = dir.resolve("config/app.env");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# database\nDB_HOST=db.local\nOTHER=1\n");
        Env env = EnvFixture.env(dir, "- { name: file, kind: env.storage.file, file_path: config/app.env }\n"
                + VARIABLES);
        env.set("DB_HOST", null, "db.prod");
        env.set("DB_USER", null, "grace hopper ");
        assertThat(Files.readAllLines(file))
                .containsExactly("# database", "DB_HOST=db.prod", "OTHER=1", "DB_USER=\"grace hopper \"");
        Env reloaded = EnvFixture.env(dir, "- { name: file, kind: env.storage.file, file_path: config/app.env }\n"
                + VARIABLES);
        assertThat(reloaded.get("DB_USER", null)).isEqualTo("grace hopper ");
        assertThat(reloaded.all()).containsEntry("OTHER", "1");
    }

    @Test
    void aMissingFileWithoutAutoCreateStopsTheBoot() {
        assertThatThrownBy(() -> EnvFixture.env(dir, "- { name: file, kind: env.storage.file, file_path: none.env }"))
                .isInstanceOf(BootException.class)
                .hasMessageMatching(".*_index.yaml:3: entry app:file: file .*none.env does not exist "
                        + "\\(set auto_create: true to create it\\)");
        assertThatThrownBy(() -> EnvFixture.env(dir, "- { name: file, kind: env.storage.file }"))
                .hasMessageEndingWith("entry app:file: missing required field 'file_path'");
    }

    @Test
    void autoCreateMakesTheFileAndItsDirectoriesWithTheirModes() throws Exception {
        Env env = EnvFixture.env(dir, """
                - name: file
                  kind: env.storage.file
                  file_path: secrets/deep/app.env
                  auto_create: true
                  file_mode: 0600
                  dir_mode: "0700"
                """ + VARIABLES);
        Path file = dir.resolve("secrets/deep/app.env");
        assertThat(file).exists().isEmptyFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        env.set("DB_HOST", null, "h");
        assertThat(Files.readAllLines(file)).containsExactly("DB_HOST=h");
    }

    @Test
    void defaultModesAre0644And0755() throws Exception {
        EnvFixture.env(dir, "- { name: file, kind: env.storage.file, file_path: new/app.env, auto_create: true }");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new/app.env"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void badContentOrModesStopTheBoot() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=1\nnot an assignment\n");
        assertThatThrownBy(() -> EnvFixture.env(dir, "- { name: file, kind: env.storage.file, file_path: .env }"))
                .hasMessageMatching(".*entry app:file: .*\\.env: line 2: expected KEY=VALUE");
        assertThatThrownBy(() -> EnvFixture.env(dir,
                "- { name: file, kind: env.storage.file, file_path: x.env, auto_create: true, file_mode: 0689 }"))
                .hasMessageEndingWith("field 'file_mode': '689' is not an octal mode such as 0644");
    }
}
