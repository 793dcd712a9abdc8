package dev.wippy.http.routing;

/**
 * One segment of a path pattern: a literal, a single-segment wildcard {@code {name}}, a rest-of-path wildcard
 * ({@code {name...}}, or the anonymous one of a trailing {@code /}), or {@code {$}}, the end of a path that has a
 * trailing slash.
 */
record Segment(Type type, String text) {
    enum Type { LITERAL, WILD, MULTI, END }

    boolean multi() {
        return type == Type.MULTI;
    }

    @Override
    public String toString() {
        return switch (type) {
            case LITERAL -> text;
            case WILD -> "{" + text + "}";
            case MULTI -> text == null ? "" : "{" + text + "...}";
            case END -> "{$}";
        };
    }
}
