package dev.wippy.runtime.env;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code env.storage.file}: a {@code .env} file at {@code file_path} (relative to the project root), read once at
 * boot; every write rewrites the file. With {@code auto_create} a missing file and its directories are created with
 * {@code file_mode} and {@code dir_mode}; without it a missing file stops the boot (spec 03 §3.15).
 */
final class FileStorage implements Storage {
    private final String id;
    private final Path file;
    /** The file's lines as last written, so a write keeps comments and order. Guarded by this. */
    private List<String> lines;
    private Map<String, String> values;

    private FileStorage(String id, Path file, List<String> lines) {
        this.id = id;
        this.file = file;
        this.lines = lines;
        this.values = DotEnv.parse(lines);
    }

    static FileStorage open(Entry e, Path root) {
        String path = e.string("file_path");
        if (path == null || path.isBlank()) {
            throw BootException.at(e, "missing required field 'file_path'");
        }
        Path file = root.resolve(path).normalize();
        if (!Files.exists(file)) {
            if (!e.flag("auto_create", false)) {
                throw BootException.at(e, "file " + file + " does not exist (set auto_create: true to create it)");
            }
            create(e, file, mode(e, "file_mode", "644"), mode(e, "dir_mode", "755"));
        }
        try {
            return new FileStorage(e.id(), file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException err) {
            throw BootException.at(e, "cannot read " + file + ": " + err.getMessage());
        } catch (IllegalArgumentException err) {
            throw BootException.at(e, file + ": " + err.getMessage());
        }
    }

    private static Set<PosixFilePermission> mode(Entry e, String field, String otherwise) {
        Object v = e.field(field);
        try {
            return OctalMode.parse(v == null ? otherwise : v);
        } catch (IllegalArgumentException err) {
            throw BootException.at(e, "field '" + field + "': " + err.getMessage());
        }
    }

    /** Creates the missing directories one by one so each gets {@code dirMode} exactly, whatever the umask. */
    private static void create(Entry e, Path file, Set<PosixFilePermission> fileMode,
                               Set<PosixFilePermission> dirMode) {
        List<Path> missing = new ArrayList<>();
        for (Path d = file.toAbsolutePath().getParent(); d != null && !Files.exists(d); d = d.getParent()) {
            missing.addFirst(d);
        }
        try {
            for (Path d : missing) {
                Files.createDirectory(d);
                setMode(d, dirMode);
            }
            Files.createFile(file);
            setMode(file, fileMode);
        } catch (IOException err) {
            throw BootException.at(e, "cannot create " + file + ": " + err);
        }
    }

    private static void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(p, mode);
        }
    }

    @Override
    public synchronized String get(String key) {
        return values.get(key);
    }

    /** Rewrites the file in place, which keeps its permissions; memory changes only once the file is written. */
    @Override
    public synchronized void set(String key, String value) {
        List<String> updated = DotEnv.assign(lines, key, value);
        try {
            Files.write(file, updated, StandardCharsets.UTF_8);
        } catch (IOException err) {
            throw new EnvFailure(ErrorObject.INTERNAL, "storage " + id + ": cannot write " + file + ": " + err);
        }
        lines = updated;
        values = DotEnv.parse(updated);
    }

    @Override
    public synchronized Map<String, String> list() {
        return Map.copyOf(values);
    }
}
