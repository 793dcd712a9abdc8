package dev.wippy.lua.lib;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The standalone profile's {@code io} library over {@link LuaFile} handles. Application code never gets it: in the
 * sandbox, {@code require("io")} is the runtime's terminal module instead.
 */
public final class IoLib {
    private static final LuaString DEFAULT_INPUT = LuaString.of("_IO_input");
    private static final LuaString DEFAULT_OUTPUT = LuaString.of("_IO_output");
    private static final LuaTable METHODS = methods();
    private static final LuaTable META = meta();
    private static final LuaTable TEMPLATE = new LibraryBuilder("io")
            .fn("write", (s, a) -> write(s, defaultFile(s, DEFAULT_OUTPUT), a, 0))
            .fn("read", (s, a) -> read(s, defaultFile(s, DEFAULT_INPUT), a, 0))
            .fn("lines", IoLib::lines)
            .fn("open", IoLib::open)
            .fn("close", (s, a) -> close(s, a.length == 0 ? defaultFile(s, DEFAULT_OUTPUT) : check(s, a, 0)))
            .fn("flush", (s, a) -> {
                LuaFile f = defaultFile(s, DEFAULT_OUTPUT);
                return io(() -> {
                    f.flush();
                    return Boolean.TRUE;
                });
            })
            .fn("input", (s, a) -> select(s, a, DEFAULT_INPUT, "r"))
            .fn("output", (s, a) -> select(s, a, DEFAULT_OUTPUT, "w"))
            .fn("type", (s, a) -> Args.checkAny(a, 0) instanceof LuaFile f
                    ? LuaString.of(f.isClosed() ? "closed file" : "file") : null)
            .fn("popen", IoLib::popen)
            .fn("tmpfile", IoLib::tmpfile)
            .build();

    private IoLib() {}

    public static LuaTable install(LuaState s) {
        LuaTable io = LuaTable.copyOnWrite(TEMPLATE);
        LuaFile stdin = LuaFile.ofStreams(META, s.stdin(), null, true);
        LuaFile stdout = LuaFile.ofStreams(META, null, s.stdout(), true);
        LuaFile stderr = LuaFile.ofStreams(META, null, s.stderr(), true);
        io.putStr(LuaString.of("stdin"), stdin);
        io.putStr(LuaString.of("stdout"), stdout);
        io.putStr(LuaString.of("stderr"), stderr);
        s.registry().putStr(DEFAULT_INPUT, stdin);
        s.registry().putStr(DEFAULT_OUTPUT, stdout);
        s.globals().putStr(LuaString.of("io"), io);
        return io;
    }

    private static LuaTable methods() {
        return LibraryBuilder.methods()
                .fn("write", (s, a) -> write(s, check(s, a, 0), a, 1))
                .fn("read", (s, a) -> read(s, check(s, a, 0), a, 1))
                .fn("lines", (s, a) -> linesIterator(s, check(s, a, 0), Arrays.copyOfRange(a, 1, a.length), false))
                .fn("close", (s, a) -> close(s, check(s, a, 0)))
                .fn("flush", (s, a) -> {
                    LuaFile f = check(s, a, 0);
                    return io(() -> {
                        f.flush();
                        return Boolean.TRUE;
                    });
                })
                .fn("seek", IoLib::seek)
                .fn("setvbuf", (s, a) -> {
                    check(s, a, 0);
                    return Boolean.TRUE;
                })
                .build();
    }

    private static LuaTable meta() {
        LuaTable mt = new LuaTable();
        mt.putStr(MetaNames.NAME, LuaString.of("FILE*"));
        mt.putStr(MetaNames.INDEX, METHODS);
        mt.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaFile f)) {
                throw Args.typeError(s, a, 0, "FILE*");
            }
            return LuaString.of(f.isClosed() ? "file (closed)" : "file (" + dev.wippy.lua.vm.Interop.address(f) + ")");
        }));
        JavaFunction gc = new JavaFunction("close", (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaFile f)) {
                throw Args.typeError(s, a, 0, "FILE*");
            }
            if (!f.isClosed() && !f.isStandard()) {
                io(f::close);
            }
            return Multi.EMPTY;
        });
        mt.putStr(MetaNames.GC, gc);
        mt.putStr(MetaNames.CLOSE, gc);
        return mt;
    }

    // ---------------------------------------------------------------- handles

    /** The file argument; raises PUC's errors for non-files and closed files. */
    private static LuaFile check(LuaState s, Object[] a, int i) {
        if (!(Args.arg(a, i) instanceof LuaFile f)) {
            throw Args.typeError(s, a, i, "FILE*");
        }
        if (f.isClosed()) {
            throw LuaError.library("attempt to use a closed file");
        }
        return f;
    }

    private static LuaFile defaultFile(LuaState s, LuaString which) {
        LuaFile f = (LuaFile) s.registry().getStr(which);
        if (f.isClosed()) {
            throw LuaError.library("default " + (which == DEFAULT_INPUT ? "input" : "output")
                    + " file is closed");
        }
        return f;
    }

    private static Object select(LuaState s, Object[] a, LuaString which, String mode) {
        if (!Args.isNoneOrNil(a, 0)) {
            LuaFile f;
            if (a[0] instanceof LuaString name) {
                try {
                    f = openFile(name.toString(), mode);
                } catch (IOException e) {
                    throw LuaError.library("cannot open file '" + name + "' (" + reason(e) + ")");
                }
            } else {
                f = check(s, a, 0);
            }
            s.registry().putStr(which, f);
        }
        return s.registry().getStr(which);
    }

    private static Object open(LuaState s, Object[] a) {
        LuaString name = Args.checkString(s, a, 0);
        String mode = Args.optString(s, a, 1, LuaString.of("r")).toString();
        if (!mode.matches("[rwa]\\+?b?")) {
            throw Args.error(1, "invalid mode");
        }
        try {
            return openFile(name.toString(), mode);
        } catch (IOException e) {
            return Multi.of(null, LuaString.of(name + ": " + reason(e)), 2L);
        }
    }

    private static LuaFile openFile(String name, String mode) throws IOException {
        Path p = Path.of(name);
        boolean plus = mode.contains("+");
        char kind = mode.charAt(0);
        if (kind == 'r' && !Files.exists(p)) {
            throw new NoSuchFileException(name);
        }
        if (kind == 'r' && Files.isDirectory(p) && plus) {
            throw new IOException("Is a directory");
        }
        RandomAccessFile raf = new RandomAccessFile(p.toFile(), kind == 'r' && !plus ? "r" : "rw");
        if (kind == 'w') {
            raf.setLength(0);
        } else if (kind == 'a') {
            raf.seek(raf.length());
        }
        return LuaFile.of(META, raf);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException
                && String.valueOf(e.getMessage()).contains("No such file")) {
            return "No such file or directory";
        }
        if (e instanceof FileNotFoundException && String.valueOf(e.getMessage()).contains("Permission denied")) {
            return "Permission denied";
        }
        if (e instanceof FileNotFoundException && String.valueOf(e.getMessage()).contains("Is a directory")) {
            return "Is a directory";
        }
        return String.valueOf(e.getMessage());
    }

    private static Object close(LuaState s, LuaFile f) {
        if (f.isStandard()) {
            return Multi.of(null, LuaString.of("cannot close standard file"));
        }
        return io(() -> {
            int status = f.close();
            return status == 0 ? Boolean.TRUE : Multi.of(null, LuaString.of("exit"), (long) status);
        });
    }

    private static Object popen(LuaState s, Object[] a) {
        String cmd = Args.checkString(s, a, 0).toString();
        String mode = Args.optString(s, a, 1, LuaString.of("r")).toString();
        if (!mode.equals("r") && !mode.equals("w")) {
            throw Args.error(1, "invalid mode");
        }
        return io(() -> {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", cmd);
            if (mode.equals("r")) {
                pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
            } else {
                pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
            }
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            return LuaFile.ofProcess(META, pb.start(), mode.equals("r"));
        });
    }

    private static Object tmpfile(LuaState s, Object[] a) {
        return io(() -> {
            Path p = Files.createTempFile("lua", null);
            p.toFile().deleteOnExit();
            return openFile(p.toString(), "w+");
        });
    }

    private static Object seek(LuaState s, Object[] a) {
        LuaFile f = check(s, a, 0);
        String whence = Args.optString(s, a, 1, LuaString.of("cur")).toString();
        if (!whence.equals("set") && !whence.equals("cur") && !whence.equals("end")) {
            throw Args.error(1, "invalid option '" + whence + "'");
        }
        long offset = Args.optInteger(s, a, 2, 0);
        return io(() -> f.seek(whence, offset));
    }

    // ---------------------------------------------------------------- reading and writing

    private static Object write(LuaState s, LuaFile f, Object[] a, int from) {
        return io(() -> {
            for (int i = from; i < a.length; i++) {
                Object v = a[i];
                if (v instanceof Long l) {
                    f.write(LuaString.of(Long.toString(l)).rawBytes());
                } else if (v instanceof Double d) {
                    f.write(LuaString.of(LuaNumbers.formatG(d, 14, false, false)).rawBytes());
                } else {
                    f.write(Args.checkString(s, a, i).rawBytes());
                }
            }
            return f;
        });
    }

    private static Object read(LuaState s, LuaFile f, Object[] a, int from) {
        List<Object> formats = new ArrayList<>();
        for (int i = from; i < a.length; i++) {
            formats.add(a[i]);
        }
        if (formats.isEmpty()) {
            formats.add(LuaString.of("l"));
        }
        return io(() -> {
            Object[] results = new Object[formats.size()];
            int n = 0;
            for (int i = 0; i < formats.size(); i++) {
                Object r = readOne(s, f, formats.get(i), from + i);
                results[n++] = r;
                if (r == null) {
                    break;
                }
            }
            return Multi.of(Arrays.copyOf(results, n));
        });
    }

    private static Object readOne(LuaState s, LuaFile f, Object format, int argIndex) throws IOException {
        if (format instanceof Long || format instanceof Double) {
            long n = Args.checkInteger(s, new Object[] {format}, 0);
            byte[] b = f.readBytes(n);
            return b == null ? null : LuaString.wrap(b);
        }
        if (!(format instanceof LuaString fmt)) {
            throw Args.error(argIndex, "invalid format");
        }
        String spec = fmt.toString();
        if (spec.startsWith("*")) {
            spec = spec.substring(1);
        }
        switch (spec.isEmpty() ? ' ' : spec.charAt(0)) {
            case 'n' -> {
                return readNumber(f);
            }
            case 'l' -> {
                byte[] line = f.readLine(false);
                return line == null ? null : LuaString.wrap(line);
            }
            case 'L' -> {
                byte[] line = f.readLine(true);
                return line == null ? null : LuaString.wrap(line);
            }
            case 'a' -> {
                return LuaString.wrap(f.readAll());
            }
            default -> throw Args.error(argIndex, "invalid format");
        }
    }

    /** Reads a numeral the way PUC's {@code read_number} does (at most 200 characters of number syntax). */
    private static Object readNumber(LuaFile f) throws IOException {
        while (f.peek() >= 0 && Character.isWhitespace(f.peek())) {
            f.read();
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (f.peek() == '-' || f.peek() == '+') {
            buf.write(f.read());
        }
        boolean hex = false;
        if (f.peek() == '0') {
            buf.write(f.read());
            if (f.peek() == 'x' || f.peek() == 'X') {
                buf.write(f.read());
                hex = true;
            }
        }
        readDigits(f, buf, hex);
        if (f.peek() == '.') {
            buf.write(f.read());
            readDigits(f, buf, hex);
        }
        if (f.peek() >= 0 && (hex ? "pP" : "eE").indexOf(f.peek()) >= 0) {
            buf.write(f.read());
            if (f.peek() == '-' || f.peek() == '+') {
                buf.write(f.read());
            }
            readDigits(f, buf, false);
        }
        return LuaNumbers.parse(buf.toByteArray());
    }

    private static void readDigits(LuaFile f, ByteArrayOutputStream buf, boolean hex) throws IOException {
        while (f.peek() >= 0 && Character.digit(f.peek(), hex ? 16 : 10) >= 0 && buf.size() < 200) {
            buf.write(f.read());
        }
    }

    private static Object lines(LuaState s, Object[] a) {
        if (Args.isNoneOrNil(a, 0)) {
            return linesIterator(s, defaultFile(s, DEFAULT_INPUT), Arrays.copyOfRange(a, Math.min(1, a.length),
                    a.length), false);
        }
        LuaString name = Args.checkString(s, a, 0);
        LuaFile f;
        try {
            f = openFile(name.toString(), "r");
        } catch (IOException e) {
            throw LuaError.library("cannot open file '" + name + "' (" + reason(e) + ")");
        }
        Object iterator = linesIterator(s, f, Arrays.copyOfRange(a, 1, a.length), true);
        return Multi.of(iterator, null, null, f);
    }

    private static LuaFunction linesIterator(LuaState s, LuaFile f, Object[] formats, boolean closeAtEof) {
        return new JavaFunction("lines", (st, ignored) -> {
            if (f.isClosed()) {
                throw LuaError.library("file is already closed");
            }
            Object r = read(st, f, formats, 0);
            Object first = r instanceof Multi m ? (m.count() == 0 ? null : m.all(st)[0]) : r;
            if (first == null && closeAtEof) {
                io(f::close);
            }
            return r;
        });
    }

    // ---------------------------------------------------------------- errors

    @FunctionalInterface
    private interface IoAction {
        Object run() throws IOException;
    }

    /** Runs an I/O action; failures become PUC's fail results ({@code nil, message, errno}). */
    private static Object io(IoAction action) {
        try {
            return action.run();
        } catch (IOException e) {
            return Multi.of(null, LuaString.of(reason(e)), 5L);
        }
    }
}
