package dev.wippy.http.routing;

import java.util.List;

/** Routes of one table that some request matches equally well (spec 07 §1.6.5), one line per pair. */
public final class RouteConflicts extends RuntimeException {
    private final List<String> conflicts;
    private final Route<?> culprit;

    RouteConflicts(List<String> conflicts, Route<?> culprit) {
        super("route pattern conflicts detected:\n  - " + String.join("\n  - ", conflicts));
        this.conflicts = conflicts;
        this.culprit = culprit;
    }

    /** The later route of the first conflicting pair: the one a boot error names. */
    public Route<?> culprit() {
        return culprit;
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
