package dev.wippy.http.config;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Entry;

import java.time.Duration;

/**
 * An {@code http.service} (spec 07 §1.2): where it listens and its timeouts (null when unset).
 *
 * @param write limit from the end of the request headers to the end of the response: a handler still running
 *              then is canceled
 * @param tls   null when the service speaks plain HTTP
 */
public record ServiceSettings(Entry entry, Address address, Duration read, Duration write, Duration idle,
                              TlsSettings tls, boolean autoStart) {
    static ServiceSettings of(Entry e) {
        Object addr = e.field("addr");
        if (addr == null || addr.toString().isBlank()) {
            throw BootException.at(e, "address is required");
        }
        Address address;
        try {
            address = Address.parse(addr.toString().trim());
        } catch (IllegalArgumentException x) {
            throw BootException.at(e, x.getMessage());
        }
        if (e.field("network") != null) {
            throw BootException.at(e, "field 'network': overlay networks are not supported by this runtime");
        }
        TlsSettings tls = TlsSettings.of(e);
        for (String path : new String[] {"host.buffer_size", "host.worker_count"}) {
            if (e.field(path) instanceof Number n && n.longValue() < 0) {
                throw BootException.at(e, path + " must be non-negative");
            }
        }
        return new ServiceSettings(e, address, timeout(e, "read"), timeout(e, "write"), timeout(e, "idle"), tls,
                e.flag("lifecycle.auto_start", false));
    }

    private static Duration timeout(Entry e, String name) {
        Object v = e.field("timeouts." + name);
        if (v != null && !(v instanceof String)) {
            throw BootException.at(e, "timeouts." + name + " must be a duration string such as \"30s\", not " + v);
        }
        Duration d = ConfigDurations.of(e, "timeouts." + name, null);
        if (d != null && d.isNegative()) {
            throw BootException.at(e, "timeouts." + name + " must be non-negative");
        }
        return d == null || d.isZero() ? null : d;
    }

    public String id() {
        return entry.id();
    }

    /** Keep-alive idle limit: {@code idle}, else {@code read}, else null (unlimited). */
    public Duration idleLimit() {
        return idle != null ? idle : read;
    }
}
