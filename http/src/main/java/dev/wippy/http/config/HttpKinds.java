package dev.wippy.http.config;

import java.util.List;

/** The entry kinds of HTTP. */
public final class HttpKinds {
    public static final String SERVICE = "http.service";
    public static final String ROUTER = "http.router";
    public static final String ENDPOINT = "http.endpoint";
    public static final String STATIC = "http.static";
    public static final List<String> ALL = List.of(SERVICE, ROUTER, ENDPOINT, STATIC);

    private HttpKinds() {
    }
}
