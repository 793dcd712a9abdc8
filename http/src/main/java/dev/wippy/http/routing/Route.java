package dev.wippy.http.routing;

/**
 * A pattern of the table: a method (empty for every method) and a path, with what handles it.
 *
 * @param name how conflicts name it, e.g. {@code GET /users/{id}}
 */
public record Route<T>(String method, PathPattern path, T target, String name) {
    public static final String ANY = "";

    /** Whether it accepts requests with {@code requestMethod} (a GET pattern also takes HEAD). */
    boolean accepts(String requestMethod) {
        return method.isEmpty() || method.equals(requestMethod) || method.equals("GET") && requestMethod.equals("HEAD");
    }

    Relation compare(Route<?> other) {
        Relation m;
        if (method.equals(other.method)) {
            m = Relation.EQUIVALENT;
        } else if (method.isEmpty() || method.equals("GET") && other.method.equals("HEAD")) {
            m = Relation.MORE_GENERAL;
        } else if (other.method.isEmpty() || other.method.equals("GET") && method.equals("HEAD")) {
            m = Relation.MORE_SPECIFIC;
        } else {
            return Relation.DISJOINT;
        }
        return m.and(path.compare(other.path));
    }
}
