package dev.wippy.http.middleware;

import dev.wippy.http.config.Options;
import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Handler;
import dev.wippy.http.server.Middleware;
import dev.wippy.http.server.Reply;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code compress} (spec 07 §3.3): gzip for clients that accept it, when the body reaches the minimum length (a
 * flush decides at once) and its type is not compressed already. Flushes pass through, so streams keep working.
 */
final class Compress implements Middleware {
    private static final List<String> COMPRESSED = List.of("image/", "audio/", "video/", "application/zip",
            "application/gzip", "application/x-gzip", "application/x-rar", "application/x-7z", "application/x-bzip",
            "application/x-xz", "application/zstd", "font/woff");

    private final int level;
    private final int minLength;

    Compress(Options o) {
        level = switch (o.get("compress.level", "default")) {
            case "fastest" -> Deflater.BEST_SPEED;
            case "best" -> Deflater.BEST_COMPRESSION;
            default -> 6;
        };
        int min;
        try {
            min = Integer.parseInt(o.get("compress.min.length", "1024"));
        } catch (NumberFormatException e) {
            min = 1024;
        }
        minLength = min > 0 ? min : 1024;
    }

    @Override
    public void handle(Exchange x, Handler next) throws Exception {
        String accept = x.header("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            x.reply().addFilter(this::open);
        }
        next.handle(x);
    }

    private java.util.function.UnaryOperator<OutputStream> open(Reply r, byte[] whole) {
        String type = r.header("Content-Type");
        if (r.header("Content-Encoding") != null || whole != null && whole.length < minLength
                || type != null && COMPRESSED.stream().anyMatch(type::startsWith) || r.status() == 204
                || r.status() == 304) {
            return null;
        }
        r.setHeader("Content-Encoding", "gzip");
        r.addHeader("Vary", "Accept-Encoding");
        r.removeHeader("Content-Length");
        return out -> {
            try {
                return new GZIPOutputStream(out, 8192, true) {
                    {
                        def.setLevel(level);
                    }
                };
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
