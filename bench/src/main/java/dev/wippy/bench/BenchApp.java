package dev.wippy.bench;

import dev.wippy.observability.Observability;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.config.RuntimeConfig;
import dev.wippy.runtime.terminal.Terminal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Boots a benchmark app written into a temporary directory: {@code files} maps paths under src/ to contents. */
final class BenchApp {
    private BenchApp() {
    }

    static Application boot(String name, Map<String, String> files) throws IOException {
        Path dir = Files.createTempDirectory(name);
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve("src").resolve(f.getKey()), f.getValue());
        }
        RuntimeConfig config = RuntimeConfig.read(dir);
        if (ConsoleLoad.address() != null) {
            config = config.with("console", "address", ConsoleLoad.address());
        }
        Application app = Application.boot(dir, new Terminal(new ByteArrayInputStream(new byte[0]), System.out,
                System.err, List.of()), config);
        if (ConsoleLoad.address() != null) {
            String page = switch (name) {
                case "queue-bench" -> "queues";
                case "funcs-bench" -> "functions";
                case "workflow-bench" -> "workflows";
                default -> "processes";
            };
            ConsoleLoad.watch(app.subsystem(Observability.class).console().url() + "events/" + page);
        }
        return app;
    }
}
