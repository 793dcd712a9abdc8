package dev.wippy.http.statics;

import dev.wippy.http.config.Options;
import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Handler;
import dev.wippy.http.server.Middleware;
import dev.wippy.http.server.Reply;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.EntryId;
import dev.wippy.runtime.registry.Registry;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code sendfile} (spec 07 §3.9): when the handler answered with only an {@code X-Sendfile} (or {@code X-File-Path})
 * header, the named file of the configured filesystem is served as a static mount would.
 */
public final class SendFile implements Middleware {
    private final String fs;
    private final Path root;

    /** @param registry the app's entries, where the {@code sendfile.fs} option's filesystem is looked up */
    public SendFile(Options options, Entry owner, Registry registry, Path appRoot) {
        String id = options.get("sendfile.fs", "fs", null);
        this.fs = id == null ? null : EntryId.resolve(id, owner.namespace());
        Entry e = fs == null ? null : registry.get(fs);
        this.root = e == null || !e.kind().equals("fs.directory") || e.string("directory") == null ? null
                : appRoot.resolve(e.string("directory")).normalize();
    }

    @Override
    public void handle(Exchange x, Handler next) throws Exception {
        next.handle(x);
        Reply r = x.reply();
        String sendfile = r.takeHeader("X-Sendfile");
        String legacy = r.takeHeader("X-File-Path");
        String name = r.takeHeader("X-File-Name");
        String path = sendfile != null ? sendfile : legacy;
        if (path == null) {
            return;
        }
        if (fs == null) {
            r.plainError(500, "sendfile middleware: fs option not configured");
            return;
        }
        if (root == null) {
            r.plainError(500, "sendfile middleware: filesystem \"" + fs + "\" not found");
            return;
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.isEmpty() || relative.equals(".") || relative.equals("..")) {
            r.plainError(400, "sendfile middleware: invalid file path");
            return;
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            r.plainError(404, "sendfile middleware: file not found: " + path);
            return;
        }
        if (name != null) {
            r.setHeader("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"");
        }
        StaticFiles.serveFile(x, file);
    }
}
