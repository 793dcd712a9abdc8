package dev.wippy.data.fs;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.process.Execution;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code fs} module (spec 08 §5.3): {@code fs.get} gives a handle with its own working directory on a
 * filesystem; every path resolves inside the filesystem's root. Calls complete synchronously.
 */
public final class FsModule {
    private static final String NAME = "fs.FS";
    private static final LuaTable META;

    /** A filesystem handle and its working directory (virtual, {@code "/"}-rooted). */
    static final class Volume extends LuaUserdata {
        final Directory dir;
        String cwd = "/";

        Volume(Directory dir) {
            super(META);
            this.dir = dir;
        }
    }

    @FunctionalInterface
    private interface PathOp {
        Object run(LuaState s, Volume v, String virtual, Path host, Object[] a) throws IOException;
    }

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "pwd", Volume.class, NAME, (s, v, a) -> LuaString.of(v.cwd));
        path(m, "chdir", false, ErrorObject.INVALID, (s, v, p, host, a) -> {
            if (!Files.exists(host)) {
                return fail(false, ErrorObject.NOT_FOUND, "no such directory: " + p);
            }
            if (!Files.isDirectory(host)) {
                return fail(false, ErrorObject.INVALID, "not a directory: " + p);
            }
            v.cwd = p;
            return Boolean.TRUE;
        });
        path(m, "open", true, ErrorObject.INVALID, (s, v, p, host, a) -> {
            String mode = Args.arg(a, 2) instanceof LuaString text ? text.toString() : "r";
            Set<StandardOpenOption> options = mode.equals("r") ? EnumSet.of(StandardOpenOption.READ)
                    : writeOptions(mode);
            if (options == null) {
                return fail(null, ErrorObject.INVALID, "invalid open mode: " + mode);
            }
            boolean write = !mode.equals("r");
            if (!v.dir.allows(write ? Directory.WRITE : Directory.READ)) {
                return fail(null, ErrorObject.NOT_FOUND, "permission denied: " + p);
            }
            try {
                boolean created = write && !Files.exists(host);
                FileChannel ch = FileChannel.open(host, options);
                if (created) {
                    permissions(host, 0644 & (v.dir.mask | 077));
                }
                FileHandle file = new FileHandle(ch, host);
                Execution owner = Execution.of(s);
                if (owner != null) {
                    owner.onExit(file::close);
                }
                return file;
            } catch (IOException e) {
                return fail(null, ErrorObject.NOT_FOUND, "cannot open " + p + ": " + reason(e));
            }
        });
        path(m, "stat", true, ErrorObject.INVALID, (s, v, p, host, a) -> {
            if (!v.dir.allows(Directory.READ) || !Files.exists(host)) {
                return fail(null, ErrorObject.NOT_FOUND, "no such file or directory: " + p);
            }
            return FileHandle.info(host);
        });
        Methods.add(m, "exists", Volume.class, NAME, (s, v, a) -> {
            String path = Args.checkString(s, a, 1).toString();
            try {
                return Files.exists(v.dir.host(Directory.virtual(v.cwd, path)));
            } catch (Directory.Escape e) {
                return fail(false, ErrorObject.INVALID, e.getMessage());
            }
        });
        Methods.add(m, "isdir", Volume.class, NAME, (s, v, a) -> {
            String path = Args.checkString(s, a, 1).toString();
            try {
                Path host = v.dir.host(Directory.virtual(v.cwd, path));
                if (!Files.exists(host)) {
                    return fail(false, ErrorObject.NOT_FOUND, "no such file or directory: " + path);
                }
                return Files.isDirectory(host);
            } catch (Directory.Escape e) {
                return fail(false, ErrorObject.INVALID, e.getMessage());
            }
        });
        path(m, "mkdir", false, ErrorObject.INVALID, (s, v, p, host, a) -> {
            if (Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                return fail(false, ErrorObject.ALREADY_EXISTS, "path already exists: " + p);
            }
            if (!v.dir.allows(Directory.WRITE | Directory.EXEC)) {
                return fail(false, ErrorObject.INTERNAL, "permission denied: " + p);
            }
            try {
                Files.createDirectory(host);
                permissions(host, 0755 & (v.dir.mask | 077));
                return Boolean.TRUE;
            } catch (IOException e) {
                return fail(false, ErrorObject.INTERNAL, "cannot create " + p + ": " + reason(e));
            }
        });
        path(m, "remove", false, ErrorObject.INVALID, (s, v, p, host, a) -> {
            if (!v.dir.allows(Directory.WRITE)) {
                return fail(false, ErrorObject.INTERNAL, "permission denied: " + p);
            }
            if (p.equals("/")) {
                return fail(false, ErrorObject.INVALID, "cannot remove the root of the filesystem");
            }
            try {
                Files.delete(host);
                return Boolean.TRUE;
            } catch (DirectoryNotEmptyException e) {
                return fail(false, ErrorObject.INVALID, "directory not empty: " + p);
            } catch (IOException e) {
                return fail(false, ErrorObject.INTERNAL, "cannot remove " + p + ": " + reason(e));
            }
        });
        path(m, "readdir", true, ErrorObject.INVALID, (s, v, p, host, a) -> {
            if (!Files.exists(host)) {
                return fail(null, ErrorObject.NOT_FOUND, "no such directory: " + p);
            }
            if (!Files.isDirectory(host)) {
                return fail(null, ErrorObject.INVALID, "not a directory: " + p);
            }
            if (!v.dir.allows(Directory.READ | Directory.EXEC)) {
                return fail(null, ErrorObject.INVALID, "permission denied: " + p);
            }
            List<LuaTable> entries = new ArrayList<>();
            try (Stream<Path> list = Files.list(host)) {
                for (Path child : list.sorted().toList()) {
                    LuaTable e = new LuaTable(0, 2);
                    e.putStr(LuaString.of("name"), LuaString.of(child.getFileName().toString()));
                    e.putStr(LuaString.of("type"), LuaString.of(Files.isDirectory(child) ? "directory" : "file"));
                    entries.add(e);
                }
            }
            int[] next = {0};
            return Multi.of(new JavaFunction("readdir", (s2, a2) -> next[0] < entries.size()
                    ? entries.get(next[0]++) : null), v);
        });
        for (String name : new String[] {"readfile", "read_file"}) {
            path(m, name, true, ErrorObject.INVALID, (s, v, p, host, a) -> {
                if (!v.dir.allows(Directory.READ) || !Files.isRegularFile(host)) {
                    return fail(null, ErrorObject.NOT_FOUND, "cannot open " + p);
                }
                try {
                    return LuaString.wrap(Files.readAllBytes(host));
                } catch (IOException e) {
                    return fail(null, ErrorObject.INTERNAL, "cannot read " + p + ": " + reason(e));
                }
            });
        }
        for (String name : new String[] {"writefile", "write_file"}) {
            path(m, name, false, ErrorObject.INVALID, FsModule::writeFile);
        }
        META = Methods.metatable(NAME, m);
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> {
            String cwd = ((Volume) a[0]).cwd;
            return LuaString.of("fs.FS{cwd=" + (cwd.equals("/") ? "." : cwd.substring(1)) + "}");
        }));
        META.freeze();
    }

    private FsModule() {
    }

    public static ModuleProvider provider(Filesystems filesystems) {
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("get"), new JavaFunction("fs.get", (s, a) -> {
            String name = Args.checkString(s, a, 0).toString();
            if (name.isEmpty()) {
                return fail(null, ErrorObject.INVALID, "filesystem name required");
            }
            Directory d = filesystems.get(name);
            return d == null ? fail(null, ErrorObject.NOT_FOUND, "filesystem not found: " + name) : new Volume(d);
        }));
        LuaTable type = new LuaTable();
        type.putStr(LuaString.of("FILE"), LuaString.of("file"));
        type.putStr(LuaString.of("DIR"), LuaString.of("directory"));
        t.putStr(LuaString.of("type"), type.freeze());
        LuaTable seek = new LuaTable();
        seek.putStr(LuaString.of("SET"), LuaString.of("set"));
        seek.putStr(LuaString.of("CUR"), LuaString.of("cur"));
        seek.putStr(LuaString.of("END"), LuaString.of("end"));
        t.putStr(LuaString.of("seek"), seek.freeze());
        t.freeze();
        return s -> t;
    }

    /**
     * A method whose first argument is a path: {@code ""} is refused ("path required") unless {@code emptyIsCwd};
     * a path leaving the root fails with {@code escapeKind} before anything is touched.
     */
    private static void path(LuaTable m, String name, boolean valueFirst, String escapeKind, PathOp op) {
        Methods.add(m, name, Volume.class, NAME, (s, v, a) -> {
            Object failed = valueFirst ? null : Boolean.FALSE;
            String path = Args.checkString(s, a, 1).toString();
            if (path.isEmpty()) {
                return fail(failed, ErrorObject.INVALID, "path required");
            }
            try {
                String virtual = Directory.virtual(v.cwd, path);
                return op.run(s, v, virtual, v.dir.host(virtual), a);
            } catch (Directory.Escape e) {
                return fail(failed, escapeKind, e.getMessage());
            } catch (IOException e) {
                return fail(failed, ErrorObject.INTERNAL, name + " " + path + ": " + reason(e));
            }
        });
    }

    private static Object writeFile(LuaState s, Volume v, String p, Path host, Object[] a) {
        Object data = Args.arg(a, 2);
        String mode = Args.arg(a, 3) instanceof LuaString text ? text.toString() : "w";
        byte[] bytes;
        if (data == null) {
            return fail(false, ErrorObject.INVALID, "data argument required");
        } else if (data instanceof LuaString text) {
            bytes = text.rawBytes();
        } else if (data instanceof FileHandle f) {
            try {
                bytes = f.readAll();
            } catch (IOException e) {
                return fail(false, ErrorObject.INTERNAL, "cannot read the source stream: " + reason(e));
            }
        } else {
            return fail(false, ErrorObject.INVALID, "data must be a string or a readable stream");
        }
        Set<StandardOpenOption> options = writeOptions(mode);
        if (options == null) {
            return fail(false, ErrorObject.INVALID, "invalid write mode: " + mode);
        }
        if (!v.dir.allows(Directory.WRITE)) {
            return fail(false, ErrorObject.NOT_FOUND, "permission denied: " + p);
        }
        boolean created = !Files.exists(host);
        try {
            Files.write(host, bytes, options.toArray(StandardOpenOption[]::new));
        } catch (FileAlreadyExistsException e) {
            return fail(false, ErrorObject.NOT_FOUND, "file exists: " + p);
        } catch (IOException e) {
            return fail(false, ErrorObject.NOT_FOUND, "cannot open " + p + ": " + reason(e));
        }
        if (created) {
            permissions(host, 0644 & (v.dir.mask | 077));
        }
        return Boolean.TRUE;
    }

    /** The options of write mode {@code w} (truncate), {@code wx} (must not exist) or {@code a}; else null. */
    private static Set<StandardOpenOption> writeOptions(String mode) {
        return switch (mode) {
            case "w" -> EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            case "wx" -> EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            case "a" -> EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            default -> null;
        };
    }

    /** Sets permission bits where the filesystem supports POSIX permissions. */
    private static void permissions(Path p, int bits) {
        try {
            StringBuilder rwx = new StringBuilder();
            for (int shift = 6; shift >= 0; shift -= 3) {
                int b = bits >> shift;
                rwx.append((b & 4) != 0 ? 'r' : '-').append((b & 2) != 0 ? 'w' : '-').append((b & 1) != 0 ? 'x' : '-');
            }
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString(rwx.toString());
            Files.setPosixFilePermissions(p, perms);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX filesystem: the mask still decides what the module allows
        }
    }

    static String reason(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? ""
                : " " + e.getMessage());
    }

    static Object fail(Object value, String kind, String message) {
        return Multi.of(value, ErrorObject.of(kind, message));
    }
}
