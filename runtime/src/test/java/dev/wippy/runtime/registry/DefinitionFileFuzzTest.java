package dev.wippy.runtime.registry;

import dev.wippy.lua.fuzz.ByteMutation;
import dev.wippy.lua.fuzz.TimeBound;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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

    @Property(tries = 600, seed = "1509")
    void aMutatedDefinitionFileLoadsOrFailsWithABootErrorNamingFileAndLine(
            @ForAll("examples") ExampleDefinitionFiles example, @ForAll("mutations") List<ByteMutation> mutations)
            throws Exception {
        Files.write(APP.resolve("src/_index.yaml"), ByteMutation.applyAll(example.content(), mutations));
        try {
            TimeBound.call(Duration.ofSeconds(1), 0, () -> RegistryLoader.load(APP, warning -> {
            }));
            Statistics.collect("loaded");
        } catch (BootException e) {
            assertThat(e.getMessage()).containsPattern(FILE_AND_LINE);
            Statistics.collect("boot error");
        }
    }

    @Provide
    Arbitrary<ExampleDefinitionFiles> examples() {
        return Arbitraries.of(ExampleDefinitionFiles.all());
    }

    @Provide
    Arbitrary<List<ByteMutation>> mutations() {
        return DefinitionFileMutations.mutations();
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

    @AfterContainer
    static void removeTempApp() throws IOException {
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
