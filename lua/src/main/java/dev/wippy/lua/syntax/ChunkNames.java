package dev.wippy.lua.syntax;

import java.nio.charset.StandardCharsets;

/** Turns a chunk name given to {@code load} into the source id shown in messages, following PUC's rules. */
public final class ChunkNames {
    private static final int ID_SIZE = 60;
    private static final String RETS = "...";

    private ChunkNames() {}

    /**
     * {@code =name} shows {@code name}; {@code @file} shows the file name (keeping its end if too long); anything
     * else is source text shown as {@code [string "first line..."]}.
     */
    public static String display(String chunkName) {
        if (chunkName.startsWith("=")) {
            return truncate(chunkName.substring(1), ID_SIZE - 1);
        }
        if (chunkName.startsWith("@")) {
            String file = chunkName.substring(1);
            int max = ID_SIZE - 1;
            if (utf8Length(file) <= max) {
                return file;
            }
            return RETS + tail(file, max - RETS.length());
        }
        int nl = chunkName.indexOf('\n');
        int max = ID_SIZE - "[string \"".length() - RETS.length() - "\"]".length() - 1;
        String first = nl >= 0 ? chunkName.substring(0, nl) : chunkName;
        if (nl < 0 && utf8Length(first) <= max) {
            return "[string \"" + first + "\"]";
        }
        return "[string \"" + truncate(first, max) + RETS + "\"]";
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }
}
