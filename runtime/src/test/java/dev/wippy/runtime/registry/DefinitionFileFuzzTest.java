package dev.wippy.runtime.registry;

import dev.wippy.lua.fuzz.ByteMutation;
import dev.wippy.lua.fuzz.SeededTries;
import dev.wippy.lua.fuzz.TimeBound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The definition files of the example apps with a few random edits load into a registry or fail with a boot
 * error that names the file and the line: never another exception, never a hang.
 */
class DefinitionFileFuzzTest {
    private static final Path APP = tempApp();
    private static final Pattern FILE_AND_LINE = Pattern.compile(Pattern.quote(
            APP.resolve("src/_index.yaml").toString()) + ":\\d+");

    private static final List<ExampleDefinitionFiles> EXAMPLES = ExampleDefinitionFiles.all();

    record MutatedFile(ExampleDefinitionFiles example, List<ByteMutation> mutations) {
        static MutatedFile draw(Random random) {
            return new MutatedFile(SeededTries.oneOf(random, EXAMPLES), DefinitionFileMutations.mutations(random));
        }
    }

    @Test
    void aMutatedDefinitionFileLoadsOrFailsWithABootErrorNamingFileAndLine() {
        AtomicInteger loaded = new AtomicInteger();
        SeededTries.check(1509, 600, MutatedFile::draw, input -> {
            Files.write(APP.resolve("src/_index.yaml"),
                    ByteMutation.applyAll(input.example().content(), input.mutations()));
            try {
                TimeBound.call(Duration.ofSeconds(1), 0, () -> RegistryLoader.load(APP, warning -> {
                }));
                loaded.incrementAndGet();
            } catch (BootException e) {
                assertThat(e.getMessage()).containsPattern(FILE_AND_LINE);
            }
        });
        // edits that broke every file would leave loading itself untried
        assertThat(loaded).as("tries that loaded").hasPositiveValue();
    }

    private static Path tempApp() {
        try {
            Path dir = Files.createTempDirectory("definition-fuzz");
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void removeTempApp() throws IOException {
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
