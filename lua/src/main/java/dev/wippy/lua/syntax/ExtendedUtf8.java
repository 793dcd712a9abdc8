package dev.wippy.lua.syntax;

import java.io.ByteArrayOutputStream;

/**
 * PUC's extended UTF-8 ({@code luaO_utf8esc}): up to 6 bytes, for code points up to 2^31; used by the lexer's
 * UTF-8 escapes and by {@code utf8.char}.
 */
public final class ExtendedUtf8 {
    private ExtendedUtf8() {}

    public static void encode(ByteArrayOutputStream out, long x) {
        if (x < 0x80) {
            out.write((int) x);
            return;
        }
        byte[] tmp = new byte[8];
        int n = 0;
        long mfb = 0x3f;
        do {
            tmp[n++] = (byte) (0x80 | (x & 0x3f));
            x >>= 6;
            mfb >>= 1;
        } while (x > mfb);
        tmp[n++] = (byte) ((~mfb << 1) | x);
        for (int i = n - 1; i >= 0; i--) {
            out.write(tmp[i]);
        }
    }
}
