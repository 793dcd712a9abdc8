package dev.wippy.runtime.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code wippy.lock}: where the app's sources are (spec 01 §1.2). The core reads only {@code directories}. */
public record LockFile(String src, String modules) {
    public static final String NAME = "wippy.lock";
    public static final LockFile DEFAULTS = new LockFile("./src", ".wippy");

    /** Reads the lock file of {@code root}; null when it does not exist. */
    public static LockFile read(Path root) {
        Path file = root.resolve(NAME);
        if (!Files.exists(file)) {
            return null;
        }
        YamlFiles.Document doc = YamlFiles.read(file);
        if (doc.value() == null) {
            return DEFAULTS;
        }
        if (!(doc.value() instanceof Map<?, ?> top)) {
            throw new BootException(file + ": the lock file must be a mapping");
        }
        Object dirs = top.get("directories");
        if (dirs != null && !(dirs instanceof Map<?, ?>)) {
            throw new BootException(file + ": 'directories' must be a mapping");
        }
        Map<?, ?> d = dirs == null ? Map.of() : (Map<?, ?>) dirs;
        return new LockFile(text(d.get("src"), DEFAULTS.src), text(d.get("modules"), DEFAULTS.modules));
    }

    private static String text(Object v, String otherwise) {
        return v == null ? otherwise : v.toString();
    }

    /** The lock file's YAML text. */
    public String render() {
        return "directories:\n  modules: " + modules + "\n  src: " + src + "\n";
    }
}
