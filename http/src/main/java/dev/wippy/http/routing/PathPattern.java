package dev.wippy.http.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed endpoint or mount path (spec 07 §1.4): literal segments, {@code {name}} or {@code :name},
 * {@code {name...}} and {@code {$}} as the last segment, and a trailing {@code /} for a subtree.
 */
public final class PathPattern {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private final List<Segment> segments;

    private PathPattern(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException with the reason when the path is not a valid pattern
     */
    public static PathPattern parse(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        String[] parts = path.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String p = parts[i];
            if (p.isEmpty()) {
                if (!last) {
                    throw new IllegalArgumentException("empty segment in path " + path);
                }
                if (i > 0 || parts.length == 1) {
                    segments.add(new Segment(Segment.Type.MULTI, null));
                }
                continue;
            }
            if (p.startsWith(":") && p.length() > 1) {
                p = "{" + p.substring(1) + "}";
            }
            if (!p.contains("{") && !p.contains("}")) {
                segments.add(new Segment(Segment.Type.LITERAL, p));
                continue;
            }
            if (!p.startsWith("{") || !p.endsWith("}") || p.indexOf('{', 1) >= 0 || p.indexOf('}') != p.length() - 1) {
                throw new IllegalArgumentException("a wildcard must be a whole segment: " + parts[i]);
            }
            String name = p.substring(1, p.length() - 1);
            if (name.equals("$")) {
                if (!last) {
                    throw new IllegalArgumentException("{$} must be the last segment");
                }
                segments.add(new Segment(Segment.Type.END, null));
                continue;
            }
            boolean rest = name.endsWith("...");
            if (rest) {
                name = name.substring(0, name.length() - 3);
                if (!last) {
                    throw new IllegalArgumentException("{" + name + "...} must be the last segment");
                }
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("bad wildcard name '" + name + "'");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("duplicate wildcard name '" + name + "'");
            }
            segments.add(new Segment(rest ? Segment.Type.MULTI : Segment.Type.WILD, name));
        }
        return new PathPattern(path, List.copyOf(segments));
    }

    public String text() {
        return text;
    }

    /** Whether it ends in a rest-of-path wildcard (a subtree or {@code {name...}}). */
    public boolean subtree() {
        return !segments.isEmpty() && segments.getLast().multi();
    }

    /**
     * Matches a request path split at {@code /} (escaped segments, leading {@code /} removed); fills {@code params}
     * with the decoded values (empty ones are left out). False when it does not match.
     */
    boolean match(String[] rawSegments, Map<String, String> params) {
        int n = segments.size();
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            if (s.type() == Segment.Type.MULTI) {
                if (i >= rawSegments.length) {
                    return false;
                }
                if (s.text() != null && params != null) {
                    StringBuilder rest = new StringBuilder();
                    for (int k = i; k < rawSegments.length; k++) {
                        if (k > i) {
                            rest.append('/');
                        }
                        rest.append(PercentDecoding.decode(rawSegments[k]));
                    }
                    put(params, s.text(), rest.toString());
                }
                return true;
            }
            if (i >= rawSegments.length) {
                return false;
            }
            switch (s.type()) {
                case LITERAL -> {
                    if (!s.text().equals(PercentDecoding.decode(rawSegments[i]))) {
                        return false;
                    }
                }
                case WILD -> {
                    if (params != null) {
                        put(params, s.text(), PercentDecoding.decode(rawSegments[i]));
                    }
                }
                case END -> {
                    return i == rawSegments.length - 1 && rawSegments[i].isEmpty();
                }
                default -> throw new IllegalStateException();
            }
        }
        return rawSegments.length == n;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (!value.isEmpty()) {
            params.put(name, value);
        }
    }

    /** Relation of the request sets of two paths (Go's ServeMux rules). */
    Relation compare(PathPattern other) {
        List<Segment> a = segments;
        List<Segment> b = other.segments;
        boolean aMulti = subtree();
        boolean bMulti = other.subtree();
        if (a.size() != b.size() && !aMulti && !bMulti) {
            return Relation.DISJOINT;
        }
        Relation rel = Relation.EQUIVALENT;
        int i = 0;
        for (; i < a.size() && i < b.size(); i++) {
            rel = rel.and(compare(a.get(i), b.get(i)));
            if (rel == Relation.DISJOINT) {
                return rel;
            }
        }
        if (i == a.size() && i == b.size()) {
            return rel;
        }
        if (a.size() < b.size() && aMulti) {
            return rel.and(Relation.MORE_GENERAL);
        }
        if (b.size() < a.size() && bMulti) {
            return rel.and(Relation.MORE_SPECIFIC);
        }
        return Relation.DISJOINT;
    }

    private static Relation compare(Segment s1, Segment s2) {
        if (s1.multi() && s2.multi()) {
            return Relation.EQUIVALENT;
        }
        if (s1.multi()) {
            return Relation.MORE_GENERAL;
        }
        if (s2.multi()) {
            return Relation.MORE_SPECIFIC;
        }
        boolean w1 = s1.type() == Segment.Type.WILD;
        boolean w2 = s2.type() == Segment.Type.WILD;
        if (w1 && w2) {
            return Relation.EQUIVALENT;
        }
        if (w1) {
            return s2.type() == Segment.Type.END ? Relation.DISJOINT : Relation.MORE_GENERAL;
        }
        if (w2) {
            return s1.type() == Segment.Type.END ? Relation.DISJOINT : Relation.MORE_SPECIFIC;
        }
        return s1.equals(s2) ? Relation.EQUIVALENT : Relation.DISJOINT;
    }

    @Override
    public String toString() {
        return text;
    }
}
