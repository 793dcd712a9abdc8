package dev.wippy.http.client;

import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.http.lua.BoundedRead;
import dev.wippy.http.lua.Failures;
import dev.wippy.http.lua.StreamValue;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLContext;

/**
 * Sends requests (spec 07 §4.3): redirects followed here (at most 10; 301/302/303 become a body-less GET, 307/308
 * keep method and body, credentials stay on the original host), gzip asked for and undone unless the caller chose
 * an encoding, {@code Go-http-client/1.1} as default User-Agent. The caller's execution waits without holding its
 * thread; canceling it aborts the request.
 */
final class Requests {
    private static final int MAX_REDIRECTS = 10;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final HttpClient CLIENT = client(null);
    /** Clients of distinct TLS options, pooled separately (spec 07 §4.3). */
    private static final Map<ClientTls, HttpClient> TLS_CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private Requests() {
    }

    /** One call of {@code get}/{@code post}/.../{@code request}: {@code response, nil} or {@code nil, err}. */
    static Object perform(LuaState s, String method, String url, Object options) {
        if (options != null && !(options instanceof LuaTable)) {
            throw LuaError.library("http_client: options must be a table");
        }
        RequestSpec spec;
        try {
            spec = RequestSpec.of(method, url, (LuaTable) options);
        } catch (IllegalArgumentException e) {
            return Failures.fail(ErrorObject.INTERNAL, describe(method, url, e.getMessage()));
        }
        CompletableFuture<Result> f = send(spec);
        try {
            Result r = Scheduler.of(s).awaitFuture(f);
            return Failures.ok(r.table());
        } catch (Killed k) {
            f.cancel(true);
            throw k;
        } catch (CompletionException e) {
            return dev.wippy.lua.vm.Multi.of(null, failure(method, url, e.getCause()));
        }
    }

    /** A finished exchange: the final URL, status, headers, body or stream. */
    record Result(URI uri, int status, Map<String, List<String>> headers, byte[] body, InputStream stream) {
        LuaTable table() {
            LuaTable t = new LuaTable();
            t.putStr(LuaString.of("status_code"), (long) status);
            t.putStr(LuaString.of("url"), LuaString.of(uri.toString()));
            LuaTable h = new LuaTable();
            LuaTable cookies = new LuaTable();
            headers.forEach((name, values) -> {
                if (!values.isEmpty()) {
                    h.putStr(LuaString.of(dev.wippy.http.server.HeaderNames.canonical(name)),
                            LuaString.of(values.getFirst()));
                }
                if (name.equalsIgnoreCase("set-cookie")) {
                    for (String c : values) {
                        String pair = c.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            cookies.putStr(LuaString.of(pair.substring(0, eq).trim()),
                                    LuaString.of(pair.substring(eq + 1).trim()));
                        }
                    }
                }
            });
            t.putStr(LuaString.of("headers"), h);
            t.putStr(LuaString.of("cookies"), cookies);
            if (stream != null) {
                t.putStr(LuaString.of("body_size"), -1L);
                t.putStr(LuaString.of("stream"), new StreamValue(stream, -1));
            } else {
                t.putStr(LuaString.of("body_size"), (long) body.length);
                if (body.length > 0) {
                    t.putStr(LuaString.of("body"), LuaString.wrap(body));
                }
            }
            return t;
        }
    }

    private static HttpClient client(SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30));
        return (tls == null ? b : b.sslContext(tls)).build();
    }

    private static HttpClient clientFor(ClientTls tls) {
        if (tls == null) {
            return CLIENT;
        }
        return TLS_CLIENTS.computeIfAbsent(tls, t -> {
            try {
                return client(t.context());
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
    }

    static CompletableFuture<Result> send(RequestSpec spec) {
        CompletableFuture<Result> f;
        try {
            f = send(spec, 0);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return spec.stream() ? f : f.orTimeout(spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private static CompletableFuture<Result> send(RequestSpec spec, int redirects) {
        List<String[]> headers = outgoing(spec);
        boolean decode = spec.headers().stream().noneMatch(h -> h[0].equalsIgnoreCase("accept-encoding"));
        CompletableFuture<Received> sent = spec.unixSocket() != null ? UnixSocketTransport.send(spec, headers)
                : overTcp(spec, headers);
        return sent.thenCompose(res -> {
            int status = res.status();
            String location = res.header("Location");
            if (location != null && (status == 301 || status == 302 || status == 303 || status == 307
                    || status == 308)) {
                close(res.body());
                if (redirects >= MAX_REDIRECTS) {
                    return CompletableFuture.failedFuture(new IOException("stopped after 10 redirects"));
                }
                URI target = spec.uri().resolve(location);
                return send(spec.redirected(target, status == 307 || status == 308), redirects + 1);
            }
            return CompletableFuture.supplyAsync(() -> result(spec, res, decode), Thread::startVirtualThread);
        });
    }

    /** The caller's headers and the defaults: {@code Go-http-client/1.1} as User-Agent, gzip asked for. */
    private static List<String[]> outgoing(RequestSpec spec) {
        List<String[]> out = new ArrayList<>();
        boolean agent = false;
        boolean encoding = false;
        for (String[] h : spec.headers()) {
            String lower = h[0].toLowerCase(java.util.Locale.ROOT);
            if (!RESTRICTED.contains(lower)) {
                out.add(h);
                agent |= lower.equals("user-agent");
                encoding |= lower.equals("accept-encoding");
            }
        }
        if (!agent) {
            out.add(new String[] {"User-Agent", "Go-http-client/1.1"});
        }
        if (!encoding) {
            out.add(new String[] {"Accept-Encoding", "gzip"});
        }
        return out;
    }

    private static CompletableFuture<Received> overTcp(RequestSpec spec, List<String[]> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(spec.uri()).timeout(spec.timeout())
                .version("https".equalsIgnoreCase(spec.uri().getScheme()) ? HttpClient.Version.HTTP_2
                        : HttpClient.Version.HTTP_1_1)
                .method(spec.method(), spec.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(spec.body()));
        headers.forEach(h -> b.header(h[0], h[1]));
        return clientFor(spec.tls()).sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(res -> new Received(res.uri(), res.statusCode(), res.headers().map(), res.body()));
    }

    /** A response as a transport hands it over: its URL, status, headers and the body still to be read. */
    record Received(URI uri, int status, Map<String, List<String>> headers, InputStream body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return h.getValue().getFirst();
                }
            }
            return null;
        }
    }

    private static Result result(RequestSpec spec, Received res, boolean decode) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(res.headers());
        InputStream body = res.body();
        try {
            if (decode && "gzip".equalsIgnoreCase(res.header("Content-Encoding"))) {
                body = new GZIPInputStream(body);
                headers.remove("Content-Encoding");
                headers.remove("Content-Length");
            }
            if (spec.stream()) {
                return new Result(res.uri(), res.status(), headers, null, body);
            }
            return new Result(res.uri(), res.status(), headers, readAll(body, spec.maxBody()), null);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private static byte[] readAll(InputStream in, long max) throws IOException {
        try (in) {
            byte[] body = BoundedRead.atMost(in, max);
            if (body == null) {
                throw new IOException("response body too large (max " + max + " bytes)");
            }
            return body;
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the connection is dropped with it
        }
    }

    /** A transport failure: INTERNAL, retryable, naming method and URL. */
    static ErrorObject failure(String method, String url, Throwable cause) {
        Throwable c = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        String text = c instanceof java.util.concurrent.TimeoutException || c instanceof java.net.http.HttpTimeoutException
                ? "timeout awaiting response" : c.getMessage() == null ? c.toString() : c.getMessage();
        return ErrorObject.of(ErrorObject.INTERNAL, describe(method, url, text), Boolean.TRUE, null);
    }

    static String describe(String method, String url, String cause) {
        String m = method.isEmpty() ? "" : method.charAt(0) + method.substring(1).toLowerCase(java.util.Locale.ROOT);
        return m + " \"" + url + "\": " + cause;
    }
}
