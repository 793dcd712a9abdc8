package dev.wippy.runtime.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The definition files of the project's example apps, the samples that fuzz tests mutate. */
public record ExampleDefinitionFiles(Path app, byte[] content) {
    /** The examples folder, seen from a module folder (where tests run). */
    public static final Path EXAMPLES = Path.of("..", "examples");

    public static List<ExampleDefinitionFiles> all() {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(p -> p.getFileName().toString().equals("_index.yaml")).sorted()
                    .map(ExampleDefinitionFiles::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExampleDefinitionFiles read(Path index) {
        try {
            return new ExampleDefinitionFiles(EXAMPLES.relativize(index).getName(0), Files.readAllBytes(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return app + "/src/_index.yaml";
    }
}
