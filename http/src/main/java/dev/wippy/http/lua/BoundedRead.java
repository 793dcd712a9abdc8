package dev.wippy.http.lua;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a body whole, up to a size limit (request bodies, client responses). */
public final class BoundedRead {
    private BoundedRead() {
    }

    /** The stream's bytes, or null when more than {@code max} arrive. */
    public static byte[] atMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
