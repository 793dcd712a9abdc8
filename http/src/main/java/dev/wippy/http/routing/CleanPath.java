package dev.wippy.http.routing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Cleaning of request paths (spec 07 §1.6.2 step 1): {@code //}, {@code .} and {@code ..} are resolved and a
 * trailing slash is kept. A path that changes is answered with a redirect to its clean form.
 */
public final class CleanPath {
    private CleanPath() {
    }

    /** The clean form of {@code path}, or {@code path} itself when it is clean. */
    public static String of(String path) {
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (!path.contains("//") && !path.contains("/./") && !path.contains("/../") && !path.endsWith("/.")
                && !path.endsWith("/..")) {
            return path;
        }
        Deque<String> out = new ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                out.pollLast();
            } else {
                out.addLast(seg);
            }
        }
        String clean = "/" + String.join("/", out);
        boolean trailing = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        return trailing && !clean.equals("/") ? clean + "/" : clean;
    }
}
