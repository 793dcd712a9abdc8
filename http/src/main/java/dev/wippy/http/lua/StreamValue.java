package dev.wippy.http.lua;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;

import java.io.IOException;
import java.io.InputStream;

/**
 * A readable Stream (spec 07 §2.7) over a body: {@code read}, {@code close}, {@code stat}, {@code scanner}. Reads
 * wait on a virtual thread of their own, so the handler's other coroutines keep running.
 */
public final class StreamValue extends LuaUserdata {
    private static final int CHUNK = 65536;
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "read", StreamValue.class, "Stream", (s, st, a) -> {
            long size = Args.isNoneOrNil(a, 1) ? 0 : Args.checkInteger(s, a, 1);
            int want = size <= 0 ? CHUNK : (int) Math.min(size, Integer.MAX_VALUE - 8);
            try {
                byte[] data = Blocking.call(s, () -> st.read(want));
                return data == null ? null : LuaString.wrap(data);
            } catch (Exception e) {
                return Failures.fail(ErrorObject.INTERNAL, "read failed: " + e.getMessage());
            }
        });
        Methods.add(m, "close", StreamValue.class, "Stream", (s, st, a) -> {
            st.close();
            return Boolean.TRUE;
        });
        Methods.add(m, "stat", StreamValue.class, "Stream", (s, st, a) -> {
            LuaTable t = new LuaTable();
            t.putStr(LuaString.of("size"), st.size);
            t.putStr(LuaString.of("position"), st.position);
            t.putStr(LuaString.of("readable"), !st.closed);
            t.putStr(LuaString.of("writable"), Boolean.FALSE);
            t.putStr(LuaString.of("seekable"), Boolean.FALSE);
            return t;
        });
        Methods.add(m, "scanner", StreamValue.class, "Stream", (s, st, a) -> {
            String split = Args.isNoneOrNil(a, 1) ? "lines" : Args.checkString(s, a, 1).toString();
            try {
                return new ScannerValue(st, ScannerValue.Split.of(split));
            } catch (IllegalArgumentException e) {
                return Multi.of(null, Failures.error(ErrorObject.INVALID, e.getMessage()));
            }
        });
        META = Methods.metatable("Stream", m).freeze();
    }

    private final InputStream in;
    private final long size;
    private long position;
    private volatile boolean closed;

    public StreamValue(InputStream in, long size) {
        super(null, META);
        this.in = in;
        this.size = size;
    }

    /** Up to {@code max} bytes, at least one unless the stream ended (then null). */
    synchronized byte[] read(int max) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        byte[] buf = new byte[Math.min(max, CHUNK)];
        int n = in.read(buf);
        if (n < 0) {
            return null;
        }
        position += n;
        return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }

    /** The next byte, or -1 at the end. */
    synchronized int readByte() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    void close() {
        if (!closed) {
            closed = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is best effort: the request ends anyway
            }
        }
    }
}
