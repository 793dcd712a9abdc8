package dev.wippy.data.fs;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

/** An open file of a filesystem (spec 08 §5.3): reads, writes, seeks, and a scanner over its tokens. */
final class FileHandle extends LuaUserdata {
    private static final String NAME = "fs.File";
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "read", FileHandle.class, NAME, (s, f, a) -> {
            long n = Args.isNoneOrNil(a, 1) ? 4096 : Args.checkInteger(s, a, 1);
            if (n <= 0) {
                return FsModule.fail(null, ErrorObject.INVALID, "read size must be positive");
            }
            if (!f.channel.isOpen()) {
                return FsModule.fail(null, ErrorObject.INTERNAL, "file is closed");
            }
            try {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(n, 1 << 24));
                int read = f.channel.read(buf);
                if (read < 0) {
                    return FsModule.fail(null, ErrorObject.NOT_FOUND, "EOF");
                }
                return LuaString.copyOf(buf.array(), 0, read);
            } catch (IOException e) {
                return FsModule.fail(null, ErrorObject.INTERNAL, "read failed: " + FsModule.reason(e));
            }
        });
        Methods.add(m, "write", FileHandle.class, NAME, (s, f, a) -> {
            LuaString data = Args.checkString(s, a, 1);
            if (data.length() == 0) {
                return FsModule.fail(false, ErrorObject.INVALID, "data required");
            }
            try {
                ByteBuffer buf = ByteBuffer.wrap(data.rawBytes(), 0, data.length());
                while (buf.hasRemaining()) {
                    f.channel.write(buf);
                }
                return Boolean.TRUE;
            } catch (IOException | RuntimeException e) {
                return FsModule.fail(false, ErrorObject.INTERNAL, "write failed: " + e.getMessage());
            }
        });
        Methods.add(m, "seek", FileHandle.class, NAME, (s, f, a) -> {
            String whence = Args.checkString(s, a, 1).toString();
            long offset = Args.isNoneOrNil(a, 2) ? 0 : Args.checkInteger(s, a, 2);
            try {
                long base = switch (whence) {
                    case "set" -> 0;
                    case "cur" -> f.channel.position();
                    case "end" -> f.channel.size();
                    default -> -1;
                };
                if (base < 0 || base + offset < 0) {
                    return FsModule.fail(null, ErrorObject.INVALID, "invalid seek: " + whence + " " + offset);
                }
                f.channel.position(base + offset);
                return (double) (base + offset);
            } catch (IOException e) {
                return FsModule.fail(null, ErrorObject.INTERNAL, "seek failed: " + FsModule.reason(e));
            }
        });
        Methods.add(m, "stat", FileHandle.class, NAME, (s, f, a) -> {
            try {
                return info(f.path);
            } catch (IOException e) {
                return FsModule.fail(null, ErrorObject.INTERNAL, "stat failed: " + FsModule.reason(e));
            }
        });
        Methods.add(m, "sync", FileHandle.class, NAME, (s, f, a) -> {
            try {
                f.channel.force(true);
                return Boolean.TRUE;
            } catch (IOException e) {
                return FsModule.fail(false, ErrorObject.INTERNAL, "sync failed: " + FsModule.reason(e));
            }
        });
        Methods.add(m, "close", FileHandle.class, NAME, (s, f, a) -> {
            f.close();
            return Boolean.TRUE;
        });
        Methods.add(m, "scanner", FileHandle.class, NAME, (s, f, a) -> {
            String split = Args.arg(a, 1) instanceof LuaString text ? text.toString() : "lines";
            if (!f.channel.isOpen()) {
                return FsModule.fail(null, ErrorObject.INVALID, "file is closed");
            }
            Scanner.Split mode = Scanner.Split.of(split);
            return mode == null ? FsModule.fail(null, ErrorObject.INVALID, "invalid split: " + split)
                    : new Scanner(f.channel, mode);
        });
        META = Methods.metatable(NAME, m);
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) ->
                LuaString.of(((FileHandle) a[0]).channel.isOpen() ? "fs.File{}" : "fs.File{closed}")));
        META.freeze();
    }

    private final FileChannel channel;
    private final Path path;

    FileHandle(FileChannel channel, Path path) {
        super(META);
        this.channel = channel;
        this.path = path;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing twice or a failed close leaves nothing to do
        }
    }

    /** The rest of the file, for {@code writefile} from a stream. */
    byte[] readAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(65536);
        while (channel.read(buf.clear()) > 0) {
            out.write(buf.array(), 0, buf.position());
        }
        return out.toByteArray();
    }

    /** The info table of {@code stat} (spec 08 §5.3); numbers are floats. */
    static LuaTable info(Path p) throws IOException {
        boolean dir = Files.isDirectory(p);
        int mode = 0;
        try {
            for (PosixFilePermission perm : Files.getPosixFilePermissions(p)) {
                mode |= 1 << (8 - perm.ordinal());
            }
        } catch (UnsupportedOperationException e) {
            mode = dir ? 0755 : 0644;
        }
        LuaTable t = new LuaTable(0, 6);
        t.putStr(LuaString.of("name"), LuaString.of(p.getFileName() == null ? "/" : p.getFileName().toString()));
        t.putStr(LuaString.of("size"), (double) Files.size(p));
        t.putStr(LuaString.of("mode"), (double) (mode + (dir ? 2147483648L : 0)));
        t.putStr(LuaString.of("modified"), (double) Files.getLastModifiedTime(p).toMillis() / 1000.0);
        t.putStr(LuaString.of("is_dir"), dir);
        t.putStr(LuaString.of("type"), LuaString.of(dir ? "directory" : "file"));
        return t;
    }
}
