package dev.wippy.data.fs;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * {@code file:scanner(split)} (spec 08 §5.3): tokens of a file read from its current position, lines (without the
 * terminator and a trailing {@code \r}), whitespace-separated words, single bytes or UTF-8 characters. A token
 * longer than 64 KiB stops the scan with an INTERNAL error.
 */
final class Scanner extends LuaUserdata {
    private static final String NAME = "fs.Scanner";
    private static final int MAX_TOKEN = 64 * 1024;
    private static final LuaTable META;

    enum Split {
        LINES, WORDS, BYTES, RUNES;

        static Split of(String name) {
            return switch (name) {
                case "lines" -> LINES;
                case "words" -> WORDS;
                case "bytes" -> BYTES;
                case "runes" -> RUNES;
                default -> null;
            };
        }
    }

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "scan", Scanner.class, NAME, (s, sc, a) -> sc.scan());
        Methods.add(m, "text", Scanner.class, NAME, (s, sc, a) -> sc.token == null ? LuaString.EMPTY : sc.token);
        Methods.add(m, "err", Scanner.class, NAME, (s, sc, a) -> sc.error);
        META = Methods.metatable(NAME, m).freeze();
    }

    private final InputStream in;
    private final Split split;
    private LuaString token;
    private ErrorObject error;
    private boolean done;

    Scanner(FileChannel channel, Split split) {
        super(META);
        this.in = new BufferedInputStream(Channels.newInputStream(channel));
        this.split = split;
    }

    private boolean scan() {
        if (done) {
            return false;
        }
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            boolean found = switch (split) {
                case LINES -> line(buf);
                case WORDS -> word(buf);
                case BYTES -> bytes(buf, 1);
                case RUNES -> rune(buf);
            };
            if (!found) {
                done = true;
                token = null;
                return false;
            }
            token = LuaString.wrap(buf.toByteArray());
            return true;
        } catch (TooLong e) {
            done = true;
            error = ErrorObject.of(ErrorObject.INTERNAL, "token too long");
            return false;
        } catch (IOException e) {
            done = true;
            error = ErrorObject.of(ErrorObject.INTERNAL, "read failed: " + e.getMessage());
            return false;
        }
    }

    private static final class TooLong extends IOException {
    }

    private static void add(ByteArrayOutputStream buf, int b) throws TooLong {
        if (buf.size() >= MAX_TOKEN) {
            throw new TooLong();
        }
        buf.write(b);
    }

    private boolean line(ByteArrayOutputStream buf) throws IOException {
        int b = in.read();
        if (b < 0) {
            return false;
        }
        while (b >= 0 && b != '\n') {
            add(buf, b);
            b = in.read();
        }
        byte[] bytes = buf.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            buf.reset();
            buf.write(bytes, 0, bytes.length - 1);
        }
        return true;
    }

    private boolean word(ByteArrayOutputStream buf) throws IOException {
        int b = in.read();
        while (b >= 0 && Character.isWhitespace(b)) {
            b = in.read();
        }
        if (b < 0) {
            return false;
        }
        while (b >= 0 && !Character.isWhitespace(b)) {
            add(buf, b);
            b = in.read();
        }
        return true;
    }

    private boolean bytes(ByteArrayOutputStream buf, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            int b = in.read();
            if (b < 0) {
                return i > 0;
            }
            buf.write(b);
        }
        return true;
    }

    private boolean rune(ByteArrayOutputStream buf) throws IOException {
        int b = in.read();
        if (b < 0) {
            return false;
        }
        buf.write(b);
        int more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
        // a character cut off by the end of the file is kept as far as it goes
        bytes(buf, more);
        return true;
    }
}
