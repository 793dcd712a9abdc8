package dev.wippy.lua.lib;

import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;

/**
 * A file handle of the standalone {@code io} library: a regular file (seekable), or one of the standard streams or
 * a process pipe (sequential). Reads are buffered with one byte of look-ahead, which {@code read("n")} needs.
 */
final class LuaFile extends LuaUserdata {
    private final RandomAccessFile file;
    private final InputStream in;
    private final OutputStream out;
    private final Process process;
    private final boolean standard;
    private boolean closed;
    private int peeked = -2;

    private LuaFile(LuaTable meta, RandomAccessFile file, InputStream in, OutputStream out, Process process,
                    boolean standard) {
        super(meta);
        this.file = file;
        this.in = in;
        this.out = out;
        this.process = process;
        this.standard = standard;
    }

    static LuaFile of(LuaTable meta, RandomAccessFile file) {
        return new LuaFile(meta, file, null, null, null, false);
    }

    static LuaFile ofStreams(LuaTable meta, InputStream in, OutputStream out, boolean standard) {
        return new LuaFile(meta, null, in, out, null, standard);
    }

    static LuaFile ofProcess(LuaTable meta, Process p, boolean reading) {
        return new LuaFile(meta, null, reading ? p.getInputStream() : null, reading ? null : p.getOutputStream(),
                p, false);
    }

    boolean isClosed() {
        return closed;
    }

    boolean isStandard() {
        return standard;
    }

    /** Closes the handle; for a pipe returns the process exit status, else 0. */
    int close() throws IOException {
        closed = true;
        if (file != null) {
            file.close();
        }
        if (process != null) {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.readAllBytes();
            }
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        if (out != null) {
            out.flush();
        }
        return 0;
    }

    // ---------------------------------------------------------------- reading

    /** The next byte without consuming it, or -1 at end of file. */
    int peek() throws IOException {
        if (peeked == -2) {
            peeked = rawRead();
        }
        return peeked;
    }

    int read() throws IOException {
        int b = peek();
        peeked = -2;
        return b;
    }

    private int rawRead() throws IOException {
        if (file != null) {
            return file.read();
        }
        if (in == null) {
            throw new IOException("Bad file descriptor");
        }
        return in.read();
    }

    /** A line without (or with) its end-of-line byte; null at end of file. */
    byte[] readLine(boolean keepNewline) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = read()) >= 0) {
            if (b == '\n') {
                if (keepNewline) {
                    buf.write(b);
                }
                return buf.toByteArray();
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toByteArray();
    }

    byte[] readAll() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = read()) >= 0) {
            buf.write(b);
        }
        return buf.toByteArray();
    }

    /** Up to {@code n} bytes; null at end of file (an empty array when {@code n} is 0 and not at the end). */
    byte[] readBytes(long n) throws IOException {
        if (n == 0) {
            return peek() < 0 ? null : new byte[0];
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while (buf.size() < n && (b = read()) >= 0) {
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toByteArray();
    }

    // ---------------------------------------------------------------- writing and seeking

    void write(byte[] bytes) throws IOException {
        if (file != null) {
            if (peeked >= 0) {
                file.seek(file.getFilePointer() - 1);
                peeked = -2;
            }
            file.write(bytes);
        } else if (out != null) {
            out.write(bytes);
        } else {
            throw new IOException("Bad file descriptor");
        }
    }

    void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** Moves to {@code offset} from {@code whence} ("set", "cur", "end") and returns the new position. */
    long seek(String whence, long offset) throws IOException {
        if (file == null) {
            throw new IOException("Illegal seek");
        }
        long current = file.getFilePointer() - (peeked >= 0 ? 1 : 0);
        long base = switch (whence) {
            case "set" -> 0;
            case "cur" -> current;
            default -> file.length();
        };
        long target = base + offset;
        if (target < 0) {
            throw new IOException("Invalid argument");
        }
        file.seek(target);
        peeked = -2;
        return target;
    }
}
