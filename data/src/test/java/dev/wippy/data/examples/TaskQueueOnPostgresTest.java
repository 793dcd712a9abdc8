package dev.wippy.data.examples;

import dev.wippy.data.PostgresServer;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task-queue example on PostgreSQL (issue item 3): a copy of examples/task-queue whose src/db.yaml is replaced
 * by postgres/db.yaml, and nothing else, prints what it prints on SQLite. The connection goes through TLS
 * ({@code sslmode} left at its default, {@code require}).
 */
class TaskQueueOnPostgresTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "task-queue");

    @TempDir
    Path dir;

    @Test
    void theSameAppRunsOnPostgresWhenOnlyItsDatabaseEntryChanges() throws Exception {
        int port = PostgresServer.port();
        // a table left by an earlier run: the example creates its own
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                + "/wippy?user=wippy&password=wippy"); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS tasks");
        }
        copy(EXAMPLE, dir);
        Files.copy(dir.resolve("postgres/db.yaml"), dir.resolve("src/db.yaml"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(".env"), "TASKS_PG_PORT=" + port + "\nTASKS_PG_PASSWORD=wippy\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Application app = Application.boot(dir, new Terminal(new ByteArrayInputStream(new byte[0]), out, out,
                List.of()));
        try {
            ExitResult r = app.run(app.target("app:main", null), List.of()).done().get(60, TimeUnit.SECONDS);
            assertThat(r.error()).isNull();
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
        String readme = Files.readString(EXAMPLE.resolve("README.md"));
        String expected = readme.substring(readme.indexOf("-x app:main\n") + "-x app:main\n".length(),
                readme.indexOf("```", readme.indexOf("-x app:main\n")));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected).contains("task-04 translate");
        assertThat(dir.resolve("tasks.db")).doesNotExist();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("tasks.db") || name.equals(".env")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
