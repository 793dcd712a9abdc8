package dev.wippy.runtime.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the first registry version (v0, spec 01 §4.5) of an app: reads {@code wippy.lock}, scans the source tree
 * and collects the entries of every definition file, refusing duplicate IDs.
 */
public final class RegistryLoader {
    private RegistryLoader() {
    }

    /** What loading produced: the source directory and the registry. */
    public record Loaded(Path root, Path src, Registry registry) {}

    /**
     * Loads the app in {@code root}.
     *
     * @param warn receives warnings (a missing lock file)
     * @throws BootException for anything that must stop start-up
     */
    public static Loaded load(Path root, Consumer<String> warn) {
        LockFile lock = LockFile.read(root);
        if (lock == null) {
            warn.accept("no " + LockFile.NAME + " in " + display(root) + "; using the source directory "
                    + LockFile.DEFAULTS.src() + " (run 'wippy init' to create one)");
            lock = LockFile.DEFAULTS;
        }
        Path src = root.resolve(lock.src()).normalize();
        if (!Files.isDirectory(src)) {
            throw new BootException("source directory " + display(src) + " does not exist (directories.src in "
                    + LockFile.NAME + ")");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> seen = new HashMap<>();
        for (Path file : SourceTree.yamlFiles(src)) {
            for (Entry e : DefinitionFile.read(file)) {
                Entry first = seen.putIfAbsent(e.id(), e);
                if (first != null) {
                    throw new BootException(e.origin() + ": entry " + e.id() + " is declared twice (first at "
                            + first.origin() + ")");
                }
                entries.add(e);
            }
        }
        return new Loaded(root, src, new Registry(0, entries));
    }

    private static String display(Path p) {
        String s = p.toString();
        return s.isEmpty() ? "." : s;
    }
}
