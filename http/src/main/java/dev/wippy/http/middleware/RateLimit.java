package dev.wippy.http.middleware;

import dev.wippy.http.config.Options;
import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Handler;
import dev.wippy.http.server.Middleware;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ratelimit} (spec 07 §3.4): one token bucket per key (client IP, a header or a query parameter), shared by
 * the router's routes, refilled continuously; idle keys are forgotten, and the least recently used one goes when
 * the store is full.
 */
final class RateLimit implements Middleware {
    private static final Pattern WINDOW = Pattern.compile("(\\d+)([smh])");

    private final int requests;
    private final String windowText;
    private final double perNano;
    private final int burst;
    private final String key;
    private final long ttlNanos;
    private final int maxEntries;
    private final Map<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long last;
    }

    RateLimit(Options o, ScheduledExecutorService timers) {
        requests = positive(o.get("ratelimit.requests", "100"), 100);
        windowText = o.get("ratelimit.window", "1m");
        Duration window = window(windowText);
        perNano = requests / (double) window.toNanos();
        burst = positive(o.get("ratelimit.burst", "20"), 20);
        String k = o.get("ratelimit.key", "ip");
        key = k.equals("ip") || k.startsWith("header:") || k.startsWith("query:") ? k : "ip";
        ttlNanos = duration(o.get("ratelimit.entry_ttl", "10m"), Duration.ofMinutes(10)).toNanos();
        maxEntries = positive(o.get("ratelimit.max_entries", "100000"), 100000);
        buckets = new LinkedHashMap<>(16, 0.75f, true);
        long cleanup = duration(o.get("ratelimit.cleanup_interval", "5m"), Duration.ofMinutes(5)).toNanos();
        timers.scheduleWithFixedDelay(this::purge, cleanup, cleanup, TimeUnit.NANOSECONDS);
    }

    private static int positive(String v, int otherwise) {
        try {
            int n = Integer.parseInt(v.trim());
            return n > 0 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** {@code <int>s|m|h}; anything else is a minute, and less than a second is a second. */
    private static Duration window(String text) {
        Matcher m = WINDOW.matcher(text.trim());
        if (!m.matches()) {
            return Duration.ofMinutes(1);
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }

    private static Duration duration(String text, Duration otherwise) {
        Duration d = dev.wippy.runtime.registry.ConfigDurations.parse(text);
        return d == null || d.isNegative() || d.isZero() ? otherwise : d;
    }

    @Override
    public void handle(Exchange x, Handler next) throws Exception {
        String k = key(x);
        if (k == null || k.isEmpty()) {
            x.reply().plainError(400, "Rate limit key extraction failed");
            return;
        }
        if (!take(k)) {
            x.reply().setHeader("X-RateLimit-Limit", Integer.toString(requests));
            x.reply().setHeader("X-RateLimit-Window", windowText);
            x.reply().plainError(429, "Rate limit exceeded");
            return;
        }
        next.handle(x);
    }

    private String key(Exchange x) {
        if (key.startsWith("header:")) {
            return x.header(dev.wippy.http.server.HeaderNames.canonical(key.substring(7)));
        }
        if (key.startsWith("query:")) {
            List<String> v = x.query().get(key.substring(6));
            return v == null ? null : v.getFirst();
        }
        return x.remoteIp();
    }

    private synchronized boolean take(String k) {
        long now = System.nanoTime();
        Bucket b = buckets.get(k);
        if (b == null) {
            if (buckets.size() >= maxEntries) {
                buckets.remove(buckets.keySet().iterator().next());
            }
            b = new Bucket();
            b.tokens = burst;
            b.last = now;
            buckets.put(k, b);
        } else {
            b.tokens = Math.min(burst, b.tokens + (now - b.last) * perNano);
            b.last = now;
        }
        if (b.tokens < 1) {
            return false;
        }
        b.tokens -= 1;
        return true;
    }

    private synchronized void purge() {
        long now = System.nanoTime();
        buckets.values().removeIf(b -> now - b.last > ttlNanos);
    }
}
