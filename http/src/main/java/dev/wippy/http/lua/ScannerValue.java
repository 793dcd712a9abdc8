package dev.wippy.http.lua;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.lua.Methods;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** A Scanner over a Stream (spec 07 §2.7): tokens by lines, words, bytes or runes; {@code scan()} then {@code text()}. */
final class ScannerValue extends LuaUserdata {
    enum Split {
        LINES, WORDS, BYTES, RUNES;

        static Split of(String name) {
            return switch (name) {
                case "lines" -> LINES;
                case "words" -> WORDS;
                case "bytes" -> BYTES;
                case "runes" -> RUNES;
                default -> throw new IllegalArgumentException("unknown split '" + name
                        + "' (lines, words, bytes or runes)");
            };
        }
    }

    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "scan", ScannerValue.class, "Scanner", (s, sc, a) -> {
            try {
                sc.token = Blocking.call(s, sc::next);
            } catch (Exception e) {
                sc.token = null;
            }
            return sc.token != null;
        });
        Methods.add(m, "text", ScannerValue.class, "Scanner", (s, sc, a) ->
                sc.token == null ? LuaString.EMPTY : LuaString.wrap(sc.token));
        META = Methods.metatable("Scanner", m).freeze();
    }

    private final StreamValue stream;
    private final Split split;
    private byte[] token;

    ScannerValue(StreamValue stream, Split split) {
        super(null, META);
        this.stream = stream;
        this.split = split;
    }

    private byte[] next() throws IOException {
        return switch (split) {
            case BYTES -> {
                int b = stream.readByte();
                yield b < 0 ? null : new byte[] {(byte) b};
            }
            case RUNES -> rune();
            case LINES -> line();
            case WORDS -> word();
        };
    }

    private byte[] line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b = stream.readByte();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            out.write(b);
            b = stream.readByte();
        }
        byte[] line = out.toByteArray();
        return line.length > 0 && line[line.length - 1] == '\r' ? java.util.Arrays.copyOf(line, line.length - 1) : line;
    }

    private byte[] word() throws IOException {
        int b = stream.readByte();
        while (b >= 0 && Character.isWhitespace(b)) {
            b = stream.readByte();
        }
        if (b < 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (b >= 0 && !Character.isWhitespace(b)) {
            out.write(b);
            b = stream.readByte();
        }
        return out.toByteArray();
    }

    private byte[] rune() throws IOException {
        int b = stream.readByte();
        if (b < 0) {
            return null;
        }
        int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
        byte[] r = new byte[1 + extra];
        r[0] = (byte) b;
        for (int i = 1; i <= extra; i++) {
            int c = stream.readByte();
            if (c < 0) {
                return java.util.Arrays.copyOf(r, i);
            }
            r[i] = (byte) c;
        }
        return r;
    }
}
