package dev.wippy.http.server;

/**
 * One middleware layer (spec 07 §3.1): it sees the request before the inner layers and the response after them,
 * and may answer by itself without calling {@code next}.
 */
@FunctionalInterface
public interface Middleware {
    void handle(Exchange x, Handler next) throws Exception;

    /** {@code layers} around {@code inner}, the first one outermost. */
    static Handler wrap(java.util.List<Middleware> layers, Handler inner) {
        Handler h = inner;
        for (Middleware m : layers.reversed()) {
            Handler next = h;
            h = x -> m.handle(x, next);
        }
        return h;
    }
}
