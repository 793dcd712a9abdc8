package dev.wippy.runtime.terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The runtime's standard streams and arguments. Reads run on one reader thread, so a process waiting for input
 * only parks its fiber (its other coroutines keep running) and reads stay in order.
 */
public final class Terminal {
    private static final int DEFAULT_READ = 1024;

    private final InputStream in;
    private final OutputStream out;
    private final OutputStream err;
    private final List<String> args;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "terminal-reader");
        t.setDaemon(true);
        return t;
    });

    public Terminal(InputStream in, OutputStream out, OutputStream err, List<String> args) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.args = List.copyOf(args);
    }

    public List<String> args() {
        return args;
    }

    public OutputStream out() {
        return out;
    }

    public OutputStream err() {
        return err;
    }

    /** The next line without its line ending; the pending partial line at end of input; null after that. */
    public CompletableFuture<byte[]> readLine() {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    line.write(b);
                }
                if (b < 0 && line.size() == 0) {
                    return null;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            byte[] bytes = line.toByteArray();
            int n = bytes.length;
            if (n > 0 && bytes[n - 1] == '\r') {
                n--;
            }
            return java.util.Arrays.copyOf(bytes, n);
        }, reader);
    }

    /** Up to {@code max} bytes (1024 when {@code max <= 0}), at least one; null at end of input. */
    public CompletableFuture<byte[]> read(int max) {
        int limit = max <= 0 ? DEFAULT_READ : max;
        return CompletableFuture.supplyAsync(() -> {
            try {
                byte[] buf = new byte[limit];
                int n = in.read(buf, 0, limit);
                return n < 0 ? null : java.util.Arrays.copyOf(buf, n);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, reader);
    }
}
