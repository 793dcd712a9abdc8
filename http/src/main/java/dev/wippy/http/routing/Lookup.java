package dev.wippy.http.routing;

import java.util.Map;

/** What the table says about a request: a route with its parameters, a redirect, 404 or 405. */
public sealed interface Lookup<T> {
    record Found<T>(Route<T> route, Map<String, String> params) implements Lookup<T> {}

    /** 301 to {@code location} (the path plus {@code /}; the caller adds the query). */
    record Redirect<T>(String location) implements Lookup<T> {}

    record NotFound<T>() implements Lookup<T> {}

    /** @param allow the {@code Allow} header: the path's methods, sorted, joined with {@code ", "} */
    record MethodNotAllowed<T>(String allow) implements Lookup<T> {}
}
