package dev.wippy.data.fs;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The app's filesystems, opened from {@code fs.directory} entries at boot; a bad entry is a boot error. */
public final class Filesystems {
    public static final String KIND_DIRECTORY = "fs.directory";
    public static final String KIND_EMBED = "fs.embed";

    private final Map<String, Directory> dirs = new LinkedHashMap<>();

    private Filesystems() {
    }

    public static Filesystems boot(Registry registry, Path projectRoot) {
        Filesystems f = new Filesystems();
        for (Entry e : registry.all()) {
            if (e.kind().equals(KIND_EMBED)) {
                throw BootException.at(e, "fs.embed needs the app's packed bundle, and this app has none");
            }
            if (e.kind().equals(KIND_DIRECTORY)) {
                f.dirs.put(e.id(), directory(e, projectRoot));
            }
        }
        return f;
    }

    private static Directory directory(Entry e, Path projectRoot) {
        String dir = e.string("directory");
        if (dir == null || dir.isEmpty()) {
            throw BootException.at(e, "directory is required");
        }
        String base = e.string("base");
        if (base != null && !base.equals("project") && !base.equals("module")) {
            throw BootException.at(e, "base must be 'project' or 'module', not '" + base + "'");
        }
        int mode = mode(e);
        Path path = projectRoot.resolve(dir).normalize();
        try {
            if (e.flag("auto_init", false)) {
                Files.createDirectories(path);
            }
            if (!Files.isDirectory(path)) {
                throw BootException.at(e, "failed to open directory " + path + ": no such directory");
            }
            return new Directory(e.id(), path, mode, false);
        } catch (IOException x) {
            throw BootException.at(e, "failed to open directory " + path + ": " + x.getMessage());
        }
    }

    /** {@code mode}: octal text or a YAML integer read as octal digits (spec 08 §5.1); default 0755. */
    private static int mode(Entry e) {
        Object v = e.field("mode");
        if (v == null) {
            return 0755;
        }
        String digits = v.toString();
        if (!digits.matches("0?[0-7]{1,4}")) {
            throw BootException.at(e, "mode must be octal digits such as \"0755\", not " + digits);
        }
        return Integer.parseInt(digits, 8);
    }

    Directory get(String id) {
        return dirs.get(id);
    }
}
