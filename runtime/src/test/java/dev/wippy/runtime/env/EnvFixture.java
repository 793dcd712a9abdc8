package dev.wippy.runtime.env;

import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.RegistryLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An app directory whose {@code src/_index.yaml} declares namespace {@code app} with the given entries. */
final class EnvFixture {
    private EnvFixture() {
    }

    /** Loads the registry of {@code entries}: YAML list items, each starting with {@code - }. */
    static Registry registry(Path dir, String entries) {
        try {
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
            Files.writeString(dir.resolve("src/_index.yaml"), "namespace: app\nentries:\n" + entries.stripIndent()
                    .lines().map(l -> "  " + l + "\n").reduce("", String::concat));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RegistryLoader.load(dir, w -> {}).registry();
    }

    /** The environment of {@code entries}, with {@code dir} as project root. */
    static Env env(Path dir, String entries) {
        return Env.boot(registry(dir, entries), dir);
    }
}
