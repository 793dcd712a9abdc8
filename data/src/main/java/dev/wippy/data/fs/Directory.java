package dev.wippy.data.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The host directory of an {@code fs.directory} entry and its permission mask (spec 08 §5.1). Every path of the
 * filesystem resolves inside it: lexically ({@code ..} cannot climb above the root) and on disk (a symbolic link
 * cannot lead outside it).
 */
final class Directory {
    static final int READ = 0400;
    static final int WRITE = 0200;
    static final int EXEC = 0100;

    final String id;
    final Path root;
    /** The owner bits that are allowed. */
    final int mask;
    final boolean readOnly;

    Directory(String id, Path root, int mode, boolean readOnly) throws IOException {
        this.id = id;
        this.root = root.toRealPath();
        int owner = mode & 0700;
        // a mask readable for everybody without execute bits behaves as if it had them (0644 as 0755)
        if ((mode & 0444) == 0444 && (mode & 0111) == 0) {
            owner |= EXEC;
        }
        this.mask = owner;
        this.readOnly = readOnly;
    }

    boolean allows(int bits) {
        return (mask & bits) == bits && !(readOnly && (bits & WRITE) != 0);
    }

    /** A path is outside the filesystem, or malformed. */
    static final class Escape extends Exception {
        Escape(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The virtual path of {@code path} seen from working directory {@code cwd} ({@code "/"}-rooted, normalised):
     * {@code ""} is {@code cwd}, a leading {@code /} starts at the root.
     */
    static String virtual(String cwd, String path) throws Escape {
        if (path.indexOf('\0') >= 0) {
            throw new Escape("path contains a NUL byte");
        }
        String joined = path.isEmpty() ? cwd : path.startsWith("/") ? path : cwd + "/" + path;
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new Escape("path traversal not allowed");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /**
     * The host path of a virtual path, refusing one that a symbolic link (of the path itself or of a parent)
     * leads outside the root.
     */
    Path host(String virtualPath) throws Escape {
        Path p = root.resolve(virtualPath.substring(1)).normalize();
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing != null && !existing.toRealPath().startsWith(root)) {
                throw new Escape("path traversal not allowed");
            }
        } catch (IOException e) {
            // a dangling link: where it points does not exist, so nothing outside can be reached through it yet
            throw new Escape("path traversal not allowed");
        }
        return p;
    }
}
