package dev.wippy.http.client;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.registry.ConfigDurations;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One request as the options of spec 07 §4.2 describe it: method, URL with the merged query, headers, body
 * ({@code files} > {@code form} > {@code body}), timeout, streaming, the response size limit, TLS options and the
 * Unix socket to connect to instead of the URL's host (null for TCP).
 */
record RequestSpec(String method, URI uri, List<String[]> headers, byte[] body, Duration timeout, boolean stream,
                   long maxBody, ClientTls tls, Path unixSocket) {
    static final long DEFAULT_MAX_BODY = 125_829_120;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** @throws IllegalArgumentException for a URL that cannot be parsed */
    static RequestSpec of(String method, String url, LuaTable o) {
        List<String[]> headers = new ArrayList<>();
        byte[] body = null;
        URI uri;
        try {
            uri = withQuery(new URI(url), o == null ? Map.of() : strings(o, "query"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("parse \"" + url + "\": " + e.getMessage());
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("parse \"" + url + "\": unsupported protocol scheme or missing host");
        }
        Duration timeout = DEFAULT_TIMEOUT;
        boolean stream = false;
        long maxBody = DEFAULT_MAX_BODY;
        ClientTls tls = null;
        Path unixSocket = null;
        if (o != null) {
            tls = ClientTls.of(o);
            if (o.getStr(LuaString.of("unix_socket")) instanceof LuaString socket && socket.length() > 0) {
                unixSocket = Path.of(socket.toString());
            }
            Map<String, String> form = strings(o, "form");
            if (o.getStr(LuaString.of("files")) instanceof LuaTable files) {
                String boundary = UUID.randomUUID().toString().replace("-", "");
                body = Multipart.encode(files, form, boundary);
                headers.add(new String[] {"Content-Type", "multipart/form-data; boundary=" + boundary});
            } else if (!form.isEmpty()) {
                body = encodeForm(form).getBytes(StandardCharsets.UTF_8);
                headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
            } else if (o.getStr(LuaString.of("body")) instanceof LuaString b) {
                body = b.toByteArray();
            }
            strings(o, "headers").forEach((k, v) -> headers.add(new String[] {k, v}));
            Map<String, String> cookies = strings(o, "cookies");
            if (!cookies.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                cookies.forEach((k, v) -> pairs.add(k + "=" + v));
                headers.add(new String[] {"Cookie", String.join("; ", pairs)});
            }
            if (o.getStr(LuaString.of("auth")) instanceof LuaTable auth) {
                String user = auth.getStr(LuaString.of("user")) instanceof LuaString u ? u.toString() : "";
                String pass = auth.getStr(LuaString.of("pass")) instanceof LuaString p ? p.toString() : "";
                headers.add(new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + pass).getBytes(StandardCharsets.UTF_8))});
            }
            Object t = o.getStr(LuaString.of("timeout"));
            if (t instanceof Long || t instanceof Double) {
                double seconds = ((Number) t).doubleValue();
                timeout = seconds > 0 ? Duration.ofNanos((long) (seconds * 1e9)) : DEFAULT_TIMEOUT;
            } else if (t instanceof LuaString text) {
                Duration d = ConfigDurations.parse(text.toString());
                timeout = d == null || d.isZero() || d.isNegative() ? DEFAULT_TIMEOUT : d;
            }
            stream = Boolean.TRUE.equals(o.getStr(LuaString.of("stream")));
            if (o.getStr(LuaString.of("max_response_body")) instanceof Number n && n.longValue() > 0) {
                maxBody = n.longValue();
            }
        }
        return new RequestSpec(method, uri, headers, body, timeout, stream, maxBody, tls, unixSocket);
    }

    /** String keys with string values only (spec 07 §4.2: other values are dropped). */
    static Map<String, String> strings(LuaTable o, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o.getStr(LuaString.of(field)) instanceof LuaTable t) {
            for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
                if (t.slotKey(slot) instanceof LuaString k && t.slotValue(slot) instanceof LuaString v) {
                    out.put(k.toString(), v.toString());
                }
            }
        }
        return out;
    }

    /** Each {@code query} key replaces the URL's values of it; the whole query is re-encoded with sorted keys. */
    private static URI withQuery(URI uri, Map<String, String> query) throws URISyntaxException {
        if (query.isEmpty()) {
            return uri;
        }
        TreeMap<String, List<String>> all = new TreeMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = HttpClientModule.decode(eq < 0 ? pair : pair.substring(0, eq)).toString();
                String v = eq < 0 ? "" : HttpClientModule.decode(pair.substring(eq + 1)).toString();
                all.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        query.forEach((k, v) -> all.put(k, new ArrayList<>(List.of(v))));
        List<String> parts = new ArrayList<>();
        all.forEach((k, vs) -> vs.forEach(v -> parts.add(HttpClientModule.encode(k) + "=" + HttpClientModule.encode(v))));
        String s = uri.toString();
        int q = s.indexOf('?');
        int hash = s.indexOf('#');
        String base = q >= 0 ? s.substring(0, q) : hash >= 0 ? s.substring(0, hash) : s;
        String fragment = hash >= 0 ? s.substring(hash) : "";
        return new URI(base + "?" + String.join("&", parts) + fragment);
    }

    private static String encodeForm(Map<String, String> form) {
        TreeMap<String, String> sorted = new TreeMap<>(form);
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> parts.add(HttpClientModule.encode(k) + "=" + HttpClientModule.encode(v)));
        return String.join("&", parts);
    }

    /** The same request sent to {@code target} after a redirect. */
    RequestSpec redirected(URI target, boolean keepMethodAndBody) {
        List<String[]> kept = new ArrayList<>();
        boolean sameHost = target.getHost() != null && target.getHost().equalsIgnoreCase(uri.getHost());
        for (String[] h : headers) {
            String name = h[0].toLowerCase(java.util.Locale.ROOT);
            if (!sameHost && (name.equals("authorization") || name.equals("cookie")
                    || name.equals("www-authenticate"))) {
                continue;
            }
            if (!keepMethodAndBody && name.equals("content-type")) {
                continue;
            }
            kept.add(h);
        }
        return new RequestSpec(keepMethodAndBody ? method : "GET", target, kept, keepMethodAndBody ? body : null,
                timeout, stream, maxBody, tls, unixSocket);
    }
}
