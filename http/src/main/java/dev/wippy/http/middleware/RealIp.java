package dev.wippy.http.middleware;

import dev.wippy.http.config.Options;
import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Handler;
import dev.wippy.http.server.Middleware;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** {@code real_ip} (spec 07 §3.5): a trusted proxy's client-IP header becomes the request's remote address. */
final class RealIp implements Middleware {
    private static final String DEFAULT_SUBNETS = "127.0.0.0/8,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,"
            + "169.254.0.0/16,100.64.0.0/10,::1/128,fc00::/7,fe80::/10";

    private final List<Subnet> trusted = new ArrayList<>();
    private final boolean trustAll;

    RealIp(Options o) {
        for (String cidr : o.get("real_ip.trusted.subnets", "trusted_subnets", DEFAULT_SUBNETS).split(",")) {
            Subnet s = Subnet.parse(cidr.trim());
            if (s != null) {
                trusted.add(s);
            }
        }
        trustAll = "true".equals(o.get("real_ip.trust_all", "false")) || trusted.isEmpty();
    }

    @Override
    public void handle(Exchange x, Handler next) throws Exception {
        if (trustAll || trusted(x.remoteIp())) {
            String ip = clientIp(x);
            if (ip != null) {
                x.remoteAddr(ip);
            }
        }
        next.handle(x);
    }

    private boolean trusted(String ip) {
        InetAddress a = Subnet.address(ip);
        return a != null && trusted.stream().anyMatch(s -> s.contains(a));
    }

    private static String clientIp(Exchange x) {
        for (String h : new String[] {"True-Client-Ip", "X-Real-Ip", "X-Forwarded-For"}) {
            String v = x.header(h);
            if (v != null && !v.isBlank()) {
                String first = v.split(",")[0].trim();
                InetAddress a = Subnet.address(first);
                return a == null ? null : a.getHostAddress();
            }
        }
        return null;
    }
}
