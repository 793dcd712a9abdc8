package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.LuaSyntaxError;
import dev.wippy.lua.vm.FunctionInfo;
import dev.wippy.lua.vm.LuaClosure;
import dev.wippy.lua.vm.LuaFunction;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The engine's binary chunks ({@code string.dump} / binary {@code load}): PUC Lua 5.4's header, so tools and
 * checks recognise the format, followed by an engine-specific body holding the chunk's source text and the
 * function's number in it. Loading recompiles the source.
 */
public final class BinaryChunk {
    private static final byte[] HEADER = header();
    private static final byte[] BODY_MAGIC = {'W', 'P', 'Y', '1'};

    private BinaryChunk() {}

    private static byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(4 + 2 + 6 + 3 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x1b, 'L', 'u', 'a', 0x54, 0});
        b.put(new byte[] {0x19, (byte) 0x93, '\r', '\n', 0x1a, '\n'});
        b.put(new byte[] {4, 8, 8});
        b.putLong(0x5678);
        b.putDouble(370.5);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Whether {@code bytes} starts like a binary chunk (PUC checks the first byte only). */
    public static boolean isBinary(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == 0x1b;
    }

    /**
     * The binary chunk of a Lua function, or null for functions that have no Lua source (Java functions); a
     * {@code strip}ped one loads without debug information.
     */
    public static byte[] dump(LuaFunction f, boolean strip) {
        if (!(f instanceof LuaClosure c) || c.info().chunkSource() == null) {
            return null;
        }
        FunctionInfo info = c.info();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER);
        out.writeBytes(BODY_MAGIC);
        out.write(strip || info.stripped() ? 1 : 0);
        byte[] name = info.source().getBytes(StandardCharsets.UTF_8);
        writeInt(out, name.length);
        out.writeBytes(name);
        writeInt(out, info.functionId());
        writeInt(out, info.chunkSource().length);
        out.writeBytes(info.chunkSource());
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /**
     * Loads a binary chunk; {@code name} is how PUC names it in errors ("binary string" when the chunk name is the
     * data itself). Throws {@link LuaSyntaxError} with PUC's {@code bad binary format} messages.
     */
    public static LuaFunction load(byte[] bytes, String name, Object env) {
        String[] checks = {"not a binary chunk", "version mismatch", "format mismatch", "corrupted chunk",
            "Instruction size mismatch", "lua_Integer size mismatch", "lua_Number size mismatch",
            "integer format mismatch", "float format mismatch"};
        int[] ends = {4, 5, 6, 12, 13, 14, 15, 23, 31};
        int from = 0;
        for (int i = 0; i < checks.length; i++) {
            int to = ends[i];
            if (bytes.length < to) {
                throw bad(name, "truncated chunk");
            }
            if (!Arrays.equals(bytes, from, to, HEADER, from, to)) {
                throw bad(name, checks[i]);
            }
            from = to;
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, HEADER.length, bytes.length - HEADER.length);
        try {
            byte[] magic = new byte[4];
            body.get(magic);
            if (!Arrays.equals(magic, BODY_MAGIC)) {
                throw bad(name, "corrupted chunk");
            }
            byte stripped = body.get();
            if (stripped != 0 && stripped != 1) {
                throw bad(name, "corrupted chunk");
            }
            byte[] chunkName = new byte[body.getInt()];
            body.get(chunkName);
            int id = body.getInt();
            byte[] source = new byte[body.getInt()];
            body.get(source);
            if (body.hasRemaining()) {
                throw bad(name, "corrupted chunk");
            }
            String shown = new String(chunkName, StandardCharsets.UTF_8);
            CompiledChunk chunk = ChunkCompiler.compile(source, shown, "@" + shown, stripped == 1);
            return chunk.instantiatePrototype(id, env);
        } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw bad(name, "truncated chunk");
        } catch (IllegalArgumentException e) {
            throw bad(name, "corrupted chunk");
        }
    }

    private static LuaSyntaxError bad(String name, String why) {
        return new LuaSyntaxError(name, 0, 0, "bad binary format (" + why + ")", null);
    }
}
