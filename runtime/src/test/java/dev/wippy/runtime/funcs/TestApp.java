package dev.wippy.runtime.funcs;

import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.terminal.Terminal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An app written into a directory: a terminal host, a process host, and entries given as YAML and Lua text. */
public final class TestApp {
    private final Path dir;
    private final StringBuilder entries = new StringBuilder("""
            namespace: app
            entries:
              - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
              - { name: processes, kind: process.host, lifecycle: { auto_start: true } }
            """);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TestApp(Path dir) {
        this.dir = dir;
    }

    /** Adds an entry: {@code yaml} is its mapping after {@code - }, {@code lua} the content of NAME.lua. */
    public TestApp entry(String name, String yaml, String lua) throws IOException {
        entries.append("  - name: ").append(name).append("\n    source: file://").append(name).append(".lua\n");
        for (String line : yaml.strip().split("\n")) {
            entries.append("    ").append(line).append("\n");
        }
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src").resolve(name + ".lua"), lua);
        return this;
    }

    /** Adds an entry without Lua source (a service, a host): {@code yaml} is its mapping after {@code - }. */
    public TestApp entry(String name, String yaml) {
        entries.append("  - name: ").append(name).append("\n");
        for (String line : yaml.strip().split("\n")) {
            entries.append("    ").append(line).append("\n");
        }
        return this;
    }

    /** Writes the app and boots it. */
    public Application boot(String... args) throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
        Files.writeString(dir.resolve("src/_index.yaml"), entries);
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), out, out, List.of(args));
        return Application.boot(dir, terminal);
    }

    /** Boots the app, runs {@code app:NAME} on the terminal and returns its result. */
    public ExitResult run(String name, String... args) throws Exception {
        Application app = boot(args);
        try {
            return app.run(app.target("app:" + name, null), List.of(args)).done().get(30, TimeUnit.SECONDS);
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }

    public String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
