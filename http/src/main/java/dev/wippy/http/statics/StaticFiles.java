package dev.wippy.http.statics;

import dev.wippy.http.config.StaticSettings;
import dev.wippy.http.routing.CleanPath;
import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Handler;
import dev.wippy.http.server.Reply;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/** The file handler of one static mount. */
public final class StaticFiles implements Handler {
    private final StaticSettings settings;

    public StaticFiles(StaticSettings settings) {
        this.settings = settings;
    }

    @Override
    public void handle(Exchange x) throws IOException {
        Reply r = x.reply();
        if (settings.cache() != null) {
            r.setHeader("Cache-Control", settings.cache());
        }
        String path = x.path();
        if (!settings.spa() && !settings.path().equals("/")) {
            path = path.substring(Math.min(path.length(), settings.path().length()));
        }
        String relative = CleanPath.of(path).substring(1);
        Path file = settings.root().resolve(relative).normalize();
        if (!file.startsWith(settings.root())) {
            r.plainError(404, "404 page not found");
            return;
        }
        if (settings.spa() && !Files.exists(file)) {
            Path index = settings.root().resolve(settings.index()).normalize();
            if (!Files.isRegularFile(index)) {
                r.plainError(500, "index file not found");
                return;
            }
            r.setHeader("Content-Type", "text/html; charset=utf-8");
            serveFile(x, index);
            return;
        }
        if (Files.isDirectory(file)) {
            if (!x.path().endsWith("/")) {
                redirect(r, lastSegment(x.path()) + "/");
                return;
            }
            Path index = file.resolve("index.html");
            if (Files.isRegularFile(index)) {
                serveFile(x, index);
            } else {
                list(r, file);
            }
            return;
        }
        if (x.path().endsWith("/index.html")) {
            redirect(r, "./");
            return;
        }
        serveFile(x, file);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void redirect(Reply r, String location) {
        r.setHeader("Location", location);
        r.setStatus(301);
    }

    private static void list(Reply r, Path dir) throws IOException {
        StringBuilder html = new StringBuilder("<pre>\n");
        try (Stream<Path> entries = Files.list(dir)) {
            entries.sorted().forEach(p -> {
                String name = p.getFileName() + (Files.isDirectory(p) ? "/" : "");
                String escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&#34;");
                html.append("<a href=\"").append(escaped).append("\">").append(escaped).append("</a>\n");
            });
        }
        html.append("</pre>\n");
        r.setHeader("Content-Type", "text/html; charset=utf-8");
        r.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Serves one file with its type, modification time, conditional and range handling (also for
     * {@code sendfile}); a type already set on the response is kept.
     */
    static void serveFile(Exchange x, Path file) throws IOException {
        Reply r = x.reply();
        byte[] content;
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            r.plainError(404, "404 page not found");
            return;
        } catch (AccessDeniedException e) {
            r.plainError(403, "403 Forbidden");
            return;
        }
        r.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(modified,
                ZoneOffset.UTC)));
        r.setHeader("Accept-Ranges", "bytes");
        if (r.header("Content-Type") == null) {
            String type = URLConnection.guessContentTypeFromName(file.getFileName().toString());
            if (type != null) {
                r.setHeader("Content-Type", type.startsWith("text/") ? type + "; charset=utf-8" : type);
            }
        }
        if (notModified(x.header("If-Modified-Since"), modified)) {
            r.setStatus(304);
            return;
        }
        ByteRange range = ByteRange.parse(x.header("Range"), content.length);
        if (range == ByteRange.UNSATISFIABLE) {
            r.setHeader("Content-Range", "bytes */" + content.length);
            r.plainError(416, "invalid range: failed to overlap");
            return;
        }
        if (range != null) {
            r.setStatus(206);
            r.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + content.length);
            r.write(java.util.Arrays.copyOfRange(content, (int) range.first(), (int) range.last() + 1));
            return;
        }
        r.write(content);
    }

    private static boolean notModified(String since, Instant modified) {
        if (since == null) {
            return false;
        }
        try {
            return !modified.isAfter(ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
