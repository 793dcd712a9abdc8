package dev.wippy.http.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The patterns of one server, checked for conflicts when built, and the choice of the most specific one for a
 * request (spec 07 §1.6.2): a literal beats a wildcard, a method beats none, a deeper subtree beats a shallower one.
 * Immutable: a new table replaces the old one as a whole.
 */
public final class RouteTable<T> {
    private final List<Route<T>> routes;

    private RouteTable(List<Route<T>> routes) {
        this.routes = routes;
    }

    /**
     * A table of {@code routes}.
     *
     * @throws RouteConflicts naming every pair that some request matches equally well
     */
    public static <T> RouteTable<T> of(List<Route<T>> routes) {
        List<String> conflicts = new ArrayList<>();
        Route<T> culprit = null;
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                Relation r = routes.get(i).compare(routes.get(j));
                if (r == Relation.EQUIVALENT || r == Relation.OVERLAPS) {
                    conflicts.add(routes.get(i).name() + " conflicts with " + routes.get(j).name());
                    culprit = culprit == null ? routes.get(j) : culprit;
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RouteConflicts(conflicts, culprit);
        }
        return new RouteTable<>(List.copyOf(routes));
    }

    public List<Route<T>> routes() {
        return routes;
    }

    /** The route for {@code method} and the escaped request path (which starts with {@code /} and is clean). */
    public Lookup<T> lookup(String method, String rawPath) {
        String[] segments = rawPath.substring(1).split("/", -1);
        Route<T> best = null;
        boolean pathMatched = false;
        for (Route<T> r : routes) {
            if (!r.path().match(segments, null)) {
                continue;
            }
            pathMatched = true;
            if (r.accepts(method) && (best == null || r.compare(best) == Relation.MORE_SPECIFIC)) {
                best = r;
            }
        }
        if (best != null) {
            Map<String, String> params = new HashMap<>(4);
            best.path().match(segments, params);
            return new Lookup.Found<>(best, params);
        }
        if (!rawPath.endsWith("/") && redirectsToSubtree(method, rawPath + "/")) {
            return new Lookup.Redirect<>(rawPath + "/");
        }
        if (!pathMatched) {
            return new Lookup.NotFound<>();
        }
        TreeSet<String> allow = new TreeSet<>();
        for (Route<T> r : routes) {
            if (r.path().match(segments, null)) {
                allow.add(r.method());
                if (r.method().equals("GET")) {
                    allow.add("HEAD");
                }
            }
        }
        return new Lookup.MethodNotAllowed<>(String.join(", ", allow));
    }

    private boolean redirectsToSubtree(String method, String rawPath) {
        String[] segments = rawPath.substring(1).split("/", -1);
        for (Route<T> r : routes) {
            if (r.path().subtree() && r.accepts(method) && r.path().match(segments, null)) {
                return true;
            }
        }
        return false;
    }
}
