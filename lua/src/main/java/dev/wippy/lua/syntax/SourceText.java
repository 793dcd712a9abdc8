package dev.wippy.lua.syntax;

import java.util.Arrays;

/**
 * What PUC's {@code luaL_loadfile} does to a file before compiling it: a first line starting with {@code #} (as in
 * {@code #!/usr/bin/lua}) is dropped, its line break kept so that line numbers stay right. {@code load} of a string
 * compiles the text as it is.
 */
public final class SourceText {
    private SourceText() {}

    public static byte[] ofFile(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != '#') {
            return bytes;
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        return Arrays.copyOfRange(bytes, end, bytes.length);
    }
}
