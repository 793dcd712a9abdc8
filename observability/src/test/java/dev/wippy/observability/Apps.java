package dev.wippy.observability;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.config.RuntimeConfig;
import dev.wippy.runtime.terminal.Terminal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Boots apps for the tests: one written from text, or a copy of an example (so its databases stay out of the tree). */
public final class Apps {
    private Apps() {
    }

    /** Writes {@code index} as src/_index.yaml, each Lua file, and {@code config} as .wippy.yaml, then boots. */
    public static Application write(Path dir, String config, String index, OutputStream out, String... luaFiles)
            throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
        Files.writeString(dir.resolve(".wippy.yaml"), config);
        Files.writeString(dir.resolve("src/_index.yaml"), index);
        for (int i = 0; i < luaFiles.length; i += 2) {
            Files.writeString(dir.resolve("src").resolve(luaFiles[i]), luaFiles[i + 1]);
        }
        return Application.boot(dir, new Terminal(new ByteArrayInputStream(new byte[0]), out, out, List.of()));
    }

    /** Copies examples/NAME into {@code dir} and boots it with {@code config}'s overrides of its settings. */
    public static Application example(String name, Path dir, java.util.function.UnaryOperator<RuntimeConfig> config)
            throws IOException {
        Path from = Path.of(System.getProperty("wippy.examples", "../examples")).resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(p -> !p.toString().contains(".wippy" + java.io.File.separator)).toList()) {
                Path to = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return Application.boot(dir, new Terminal(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), List.of()), config.apply(RuntimeConfig.read(dir)));
    }
}
