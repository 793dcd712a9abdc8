package dev.wippy.runtime.app;

import dev.wippy.lua.fuzz.ByteMutation;
import dev.wippy.lua.fuzz.SeededTries;
import dev.wippy.lua.fuzz.TimeBound;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.DefinitionFileMutations;
import dev.wippy.runtime.registry.ExampleDefinitionFiles;
import dev.wippy.runtime.terminal.Terminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Example apps that need only the runtime, with a few random edits in their definition file, boot (and shut down)
 * or fail with a boot error naming a file and a line: never another exception, never a hang.
 */
class AppBootFuzzTest {
    /** The examples whose kinds are all the runtime's own; the others need the extension modules. */
    private static final Set<String> RUNTIME_ONLY = Set.of("echo", "event-bus", "functions", "ping-pong", "queue",
            "restart", "scheduler", "supervisor", "task-queue", "worker-pool");
    private static final Path APPS = tempDir();

    private static final List<ExampleDefinitionFiles> EXAMPLES = ExampleDefinitionFiles.all().stream()
            .filter(e -> RUNTIME_ONLY.contains(e.app().toString())).toList();

    record MutatedApp(ExampleDefinitionFiles example, List<ByteMutation> mutations) {
        static MutatedApp draw(Random random) {
            return new MutatedApp(SeededTries.oneOf(random, EXAMPLES), DefinitionFileMutations.mutations(random));
        }
    }

    @Test
    void aMutatedAppBootsOrFailsWithABootErrorNamingFileAndLine() {
        AtomicInteger booted = new AtomicInteger();
        SeededTries.check(1510, 150, MutatedApp::draw, input -> {
            Path app = copyOnce(input.example().app());
            Files.write(app.resolve("src/_index.yaml"),
                    ByteMutation.applyAll(input.example().content(), input.mutations()));
            try {
                TimeBound.call(Duration.ofSeconds(5), 0, () -> {
                    Application.boot(app, new Terminal(new ByteArrayInputStream(new byte[0]),
                            OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), List.of()))
                            .shutdown(Duration.ofMillis(500));
                    return null;
                });
                booted.incrementAndGet();
            } catch (BootException e) {
                assertThat(e.getMessage()).containsPattern("[\\w.-]+\\.(yaml|lua):\\d+");
            }
        });
        // edits that broke every file would leave booting itself untried
        assertThat(booted).as("tries that booted").hasPositiveValue();
    }

    /** A copy of the example app {@code name} under the temporary folder, made on first use. */
    private static Path copyOnce(Path name) throws IOException {
        Path copy = APPS.resolve(name);
        if (Files.isDirectory(copy)) {
            return copy;
        }
        Path original = ExampleDefinitionFiles.EXAMPLES.resolve(name);
        try (Stream<Path> files = Files.walk(original)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(original.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("boot-fuzz");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void removeApps() throws IOException {
        try (Stream<Path> files = Files.walk(APPS)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
