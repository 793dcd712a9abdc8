package dev.wippy.lua.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A script of the differential conformance corpus ({@code conformance/} and {@code conformance/errors/}). */
record CorpusScript(String name, byte[] source) {
    static List<CorpusScript> all() {
        try (Stream<Path> files = Files.walk(corpusRoot())) {
            return files.filter(p -> p.toString().endsWith(".lua")).sorted().map(CorpusScript::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path corpusRoot() {
        try {
            return Path.of(CorpusScript.class.getClassLoader().getResource("conformance").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CorpusScript read(Path file) {
        try {
            return new CorpusScript(corpusRoot().relativize(file).toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
