package dev.wippy.runtime.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The candidate definition files of a source directory (spec 01 §1.4): {@code .yaml} and {@code .yml} files,
 * recursively, skipping hidden directories and symbolic links, in lexicographic path order so loading is
 * deterministic.
 */
final class SourceTree {
    private SourceTree() {
    }

    static List<Path> yamlFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        walk(dir, out);
        return out;
    }

    private static void walk(Path dir, List<Path> out) {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : children) {
            String name = p.getFileName().toString();
            if (Files.isSymbolicLink(p)) {
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (!name.startsWith(".")) {
                    walk(p, out);
                }
            } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                out.add(p);
            }
        }
    }
}
