package dev.wippy.http.server;

import io.helidon.http.Header;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One request as the pipeline sees it: the request with canonical header names and a remote address middleware may
 * replace, the route info once matched, the {@link Reply}, and what must be canceled if the request is cut short
 * (client gone, write timeout, server stop).
 */
public final class Exchange {
    private final Incoming request;
    private final Reply reply;
    private final String serverId;
    private final String requestId;
    private final String method;
    private final String rawPath;
    private final long startNanos = System.nanoTime();
    private final List<Runnable> abortHooks = new CopyOnWriteArrayList<>();
    private final List<Runnable> endHooks = new CopyOnWriteArrayList<>();
    private Map<String, List<String>> headers;
    private Map<String, List<String>> query;
    private String remoteAddr;
    private Map<String, String> params = Map.of();
    private String functionId;
    private BodyUse bodyUse;
    private InputStream body;
    private volatile String abortReason;
    private volatile boolean handlerEnded;
    private boolean upgradable;
    private Object upgrade;
    private Map<String, String> matched = Map.of();

    Exchange(Incoming request, Reply reply, String serverId, String requestId) {
        this.request = request;
        this.reply = reply;
        this.serverId = serverId;
        this.requestId = requestId;
        this.method = request.method();
        this.rawPath = request.rawPath();
        this.remoteAddr = request.remoteAddr();
    }

    public Reply reply() {
        return reply;
    }

    public String serverId() {
        return serverId;
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    /** The escaped path, without query. */
    public String rawPath() {
        return rawPath;
    }

    /** The percent-decoded path. */
    public String path() {
        return dev.wippy.http.routing.PercentDecoding.decode(rawPath);
    }

    public String rawQuery() {
        return request.rawQuery();
    }

    /** Query parameters, {@code +} and {@code %XX} decoded, in order of appearance. */
    public synchronized Map<String, List<String>> query() {
        if (query == null) {
            query = new LinkedHashMap<>();
            String raw = rawQuery();
            if (raw != null && !raw.isEmpty()) {
                for (String pair : raw.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String k = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
                    String v = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
                    if (k != null && v != null) {
                        query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                    }
                }
            }
        }
        return query;
    }

    private static String decodeQuery(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Request headers by canonical name. */
    public synchronized Map<String, List<String>> headers() {
        if (headers == null) {
            headers = new LinkedHashMap<>();
            for (Header h : request.headers()) {
                headers.computeIfAbsent(HeaderNames.canonical(h.name()), k -> new ArrayList<>()).addAll(h.allValues());
            }
        }
        return headers;
    }

    /** All values of a header joined with {@code ", "}, looked up by exact canonical name; null when absent. */
    public String header(String canonicalName) {
        List<String> v = headers().get(canonicalName);
        return v == null ? null : String.join(", ", v);
    }

    /** The declared body length: -1 when unknown (chunked upload), 0 without body. */
    public long contentLength() {
        return request.contentLength();
    }

    /** How the body was consumed: it is read whole once, or streamed (then a whole read gets what is left). */
    public enum BodyUse { WHOLE, STREAM }

    /**
     * The body stream for {@code use}, or null when it cannot be had: a whole read after another whole read. A
     * whole read after streaming gets the same stream (what is left of it).
     */
    public synchronized InputStream takeBody(BodyUse use) {
        if (bodyUse == BodyUse.WHOLE) {
            return null;
        }
        if (body == null) {
            body = request.body();
        }
        bodyUse = use == BodyUse.WHOLE || bodyUse == null ? use : bodyUse;
        return body;
    }

    public synchronized String remoteAddr() {
        return remoteAddr;
    }

    public synchronized void remoteAddr(String addr) {
        remoteAddr = addr;
    }

    /** The bare IP of the remote address. */
    public synchronized String remoteIp() {
        String a = remoteAddr;
        if (a.startsWith("[")) {
            return a.substring(1, a.indexOf(']'));
        }
        int colon = a.lastIndexOf(':');
        return colon > 0 && a.indexOf(':') == colon ? a.substring(0, colon) : a;
    }

    public String host() {
        String h = header("Host");
        return h == null ? request.authority() : h;
    }

    public boolean secure() {
        return request.secure();
    }

    /** Marks a WebSocket handshake accepted by a relay, with what the relay needs to run the connection. */
    public synchronized void acceptUpgrade(Object relay) {
        upgrade = relay;
    }

    /** What {@link #acceptUpgrade} was given, or null when the request stays plain HTTP. */
    public synchronized Object upgrade() {
        return upgrade;
    }

    void markUpgradable() {
        upgradable = true;
    }

    /** Whether the request is a WebSocket handshake (a relay may accept it). */
    public boolean wantsUpgrade() {
        return upgradable;
    }

    /** The handler has returned: the response objects of {@code http} stop working (spec 07 §2.8). */
    void endHandler() {
        handlerEnded = true;
    }

    public boolean handlerEnded() {
        return handlerEnded;
    }

    /** The parameters found by the matcher, set as route info once the pre-match middleware has run. */
    synchronized void matched(Map<String, String> params) {
        matched = params;
    }

    synchronized Map<String, String> matched() {
        return matched;
    }

    /** Sets the route info (spec 07 §1.6.3 step 3): the parameters and the handler function. */
    synchronized void route(Map<String, String> params, String functionId) {
        this.params = params;
        this.functionId = functionId;
    }

    public synchronized Map<String, String> params() {
        return params;
    }

    public synchronized String functionId() {
        return functionId;
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** Runs {@code hook} if the request is cut short; at once when it already was. */
    public void onAbort(Runnable hook) {
        abortHooks.add(hook);
        if (abortReason != null && abortHooks.remove(hook)) {
            hook.run();
        }
    }

    public void removeAbortHook(Runnable hook) {
        abortHooks.remove(hook);
    }

    /** Runs {@code hook} once the response is finished (temporary files of uploads are removed then). */
    public void atEnd(Runnable hook) {
        endHooks.add(hook);
    }

    void ended() {
        endHooks.forEach(Runnable::run);
    }

    /** Cuts the request short: cancels what it runs. */
    public void abort(String reason) {
        if (abortReason != null) {
            return;
        }
        abortReason = reason;
        for (Runnable r : abortHooks) {
            if (abortHooks.remove(r)) {
                r.run();
            }
        }
    }

    /** Why the request was cut short, or null. */
    public String abortReason() {
        return abortReason;
    }
}
