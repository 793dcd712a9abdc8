package dev.wippy.http.server;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The type of a response body that has no {@code Content-Type} (spec 07 §2.3), from its first 512 bytes by the
 * WHATWG MIME-sniffing rules as servers of the reference apply them: HTML markers, XML, known binary signatures,
 * else plain text when no control bytes occur, else octet-stream.
 */
final class ContentSniffer {
    private static final int LIMIT = 512;
    private static final List<String> HTML_TAGS = List.of("<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME",
            "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--");

    /** A binary signature: bytes where {@code mask} has 0xFF must equal {@code pattern}. */
    private record Signature(byte[] pattern, byte[] mask, String type) {
        static Signature exact(String pattern, String type) {
            byte[] p = pattern.getBytes(StandardCharsets.ISO_8859_1);
            byte[] m = new byte[p.length];
            java.util.Arrays.fill(m, (byte) 0xFF);
            return new Signature(p, m, type);
        }

        /** {@code .} in the pattern matches any byte. */
        static Signature masked(String pattern, String type) {
            byte[] p = pattern.getBytes(StandardCharsets.ISO_8859_1);
            byte[] m = new byte[p.length];
            for (int i = 0; i < p.length; i++) {
                m[i] = p[i] == '.' ? 0 : (byte) 0xFF;
            }
            return new Signature(p, m, type);
        }

        boolean matches(byte[] data, int length) {
            if (length < pattern.length) {
                return false;
            }
            for (int i = 0; i < pattern.length; i++) {
                if ((data[i] & mask[i]) != (pattern[i] & mask[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Signature> SIGNATURES = List.of(
            Signature.exact("%PDF-", "application/pdf"),
            Signature.exact("%!PS-Adobe-", "application/postscript"),
            Signature.exact("\u00FE\u00FF", "text/plain; charset=utf-16be"),
            Signature.exact("\u00FF\u00FE", "text/plain; charset=utf-16le"),
            Signature.exact("\u00EF\u00BB\u00BF", "text/plain; charset=utf-8"),
            Signature.exact("\u0000\u0000\u0001\u0000", "image/x-icon"),
            Signature.exact("\u0000\u0000\u0002\u0000", "image/x-icon"),
            Signature.exact("BM", "image/bmp"),
            Signature.exact("GIF87a", "image/gif"),
            Signature.exact("GIF89a", "image/gif"),
            Signature.masked("RIFF....WEBPVP", "image/webp"),
            Signature.exact("\u0089PNG\r\n\u001A\n", "image/png"),
            Signature.exact("\u00FF\u00D8\u00FF", "image/jpeg"),
            Signature.masked("FORM....AIFF", "audio/aiff"),
            Signature.exact("ID3", "audio/mpeg"),
            Signature.exact("OggS\u0000", "application/ogg"),
            Signature.exact("MThd\u0000\u0000\u0000\u0006", "audio/midi"),
            Signature.masked("RIFF....AVI ", "video/avi"),
            Signature.masked("RIFF....WAVE", "audio/wave"),
            Signature.masked("....ftyp", "video/mp4"),
            Signature.exact("\u001A\u0045\u00DF\u00A3", "video/webm"),
            Signature.exact("wOFF", "font/woff"),
            Signature.exact("wOF2", "font/woff2"),
            Signature.exact("\u001F\u008B\u0008", "application/x-gzip"),
            Signature.exact("PK\u0003\u0004", "application/zip"),
            Signature.exact("Rar!\u001A\u0007\u0000", "application/x-rar-compressed"),
            Signature.exact("Rar!\u001A\u0007\u0001\u0000", "application/x-rar-compressed"),
            Signature.exact("\u0000asm", "application/wasm"));

    private ContentSniffer() {
    }

    static String detect(byte[] data, int length) {
        int n = Math.min(length, LIMIT);
        int start = 0;
        while (start < n && isWhitespace(data[start])) {
            start++;
        }
        for (String tag : HTML_TAGS) {
            if (startsWithTag(data, start, n, tag)) {
                return "text/html; charset=utf-8";
            }
        }
        if (startsWith(data, start, n, "<?xml")) {
            return "text/xml; charset=utf-8";
        }
        for (Signature s : SIGNATURES) {
            if (s.matches(data, n)) {
                return s.type();
            }
        }
        for (int i = 0; i < n; i++) {
            if (isBinary(data[i])) {
                return "application/octet-stream";
            }
        }
        return "text/plain; charset=utf-8";
    }

    private static boolean isWhitespace(byte b) {
        return b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }

    private static boolean isBinary(byte b) {
        int c = b & 0xFF;
        return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F);
    }

    private static boolean startsWith(byte[] data, int start, int n, String text) {
        if (n - start < text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.toUpperCase((char) (data[start + i] & 0xFF)) != text.charAt(i)
                    && (data[start + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** An HTML marker must be followed by a space or {@code >} (a comment marker needs nothing after it). */
    private static boolean startsWithTag(byte[] data, int start, int n, String tag) {
        if (!startsWith(data, start, n, tag)) {
            return false;
        }
        if (tag.equals("<!--")) {
            return true;
        }
        int after = start + tag.length();
        return after < n && (data[after] == ' ' || data[after] == '>');
    }
}
