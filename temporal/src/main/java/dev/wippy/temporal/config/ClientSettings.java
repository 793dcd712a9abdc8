package dev.wippy.temporal.config;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.registry.Entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@code temporal.client} entry (spec 05 §2.3): where the Temporal frontend is, the namespace and task-queue
 * prefix, how to authenticate, TLS, and the connection's timeouts. Credentials are read here, so that missing or
 * unreadable ones are boot errors naming the entry.
 */
public record ClientSettings(Entry entry, String address, String namespace, String tqPrefix,
                             Duration connectionTimeout, Duration keepAliveTime, Duration keepAliveTimeout,
                             Auth auth, Tls tls, Duration healthCheckInterval) {
    public static final String KIND = "temporal.client";

    /** How the client proves who it is: nothing, an API key, or a client certificate and key (PEM text). */
    public record Auth(String type, String apiKey, String certPem, String keyPem) {
    }

    /** TLS towards the server: on or off, the CA bundle (PEM text, null for the system's), name, verification. */
    public record Tls(boolean enabled, String caPem, String serverName, boolean insecureSkipVerify) {
    }

    /**
     * Reads the entry; files are relative to {@code root}.
     *
     * @throws BootException naming the entry for a missing address, unknown auth type or missing credentials
     */
    public static ClientSettings of(Entry e, Path root) {
        String address = e.string("address");
        if (address == null || address.isBlank()) {
            throw BootException.at(e, "address is required (host:port of the Temporal frontend)");
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1 || !address.substring(colon + 1).chars()
                .allMatch(Character::isDigit)) {
            throw BootException.at(e, "address must be host:port, not '" + address + "'");
        }
        String namespace = e.string("namespace");
        String prefix = e.string("tq_prefix");
        Auth auth = auth(e, root);
        boolean tlsDefault = !auth.type().equals("none");
        String caFile = e.string("tls.ca_file");
        Tls tls = new Tls(e.flag("tls.enabled", tlsDefault), caFile == null ? null : read(e, root, "tls.ca_file"),
                e.string("tls.server_name") == null ? address.substring(0, colon) : e.string("tls.server_name"),
                e.flag("tls.insecure_skip_verify", false));
        Duration health = e.flag("health_check.enabled", false)
                ? ConfigDurations.of(e, "health_check.interval", Duration.ofSeconds(30)) : null;
        return new ClientSettings(e, address, namespace == null ? "default" : namespace, prefix == null ? "" : prefix,
                ConfigDurations.of(e, "connection_timeout", Duration.ofSeconds(10)),
                ConfigDurations.of(e, "keep_alive_time", Duration.ofSeconds(30)),
                ConfigDurations.of(e, "keep_alive_timeout", Duration.ofSeconds(10)), auth, tls, health);
    }

    /** Inline values win over files (spec 05 §2.3). */
    private static Auth auth(Entry e, Path root) {
        String type = e.string("auth.type");
        type = type == null ? "none" : type;
        return switch (type) {
            case "none" -> new Auth(type, null, null, null);
            case "api_key" -> {
                String key = first(e.string("auth.api_key"), e.string("auth.api_key_env"));
                if (key == null && e.string("auth.api_key_file") != null) {
                    key = read(e, root, "auth.api_key_file").strip();
                }
                if (key == null || key.isBlank()) {
                    throw BootException.at(e, "auth.type api_key needs auth.api_key or auth.api_key_file");
                }
                yield new Auth(type, key, null, null);
            }
            case "mtls" -> {
                String cert = e.string("auth.cert_pem");
                if (cert == null && e.string("auth.cert_file") != null) {
                    cert = read(e, root, "auth.cert_file");
                }
                String key = first(e.string("auth.key_pem"), e.string("auth.key_pem_env"));
                if (key == null && e.string("auth.key_file") != null) {
                    key = read(e, root, "auth.key_file");
                }
                if (cert == null || key == null) {
                    throw BootException.at(e, "auth.type mtls needs a certificate (auth.cert_pem or auth.cert_file)"
                            + " and a key (auth.key_pem or auth.key_file)");
                }
                yield new Auth(type, null, cert, key);
            }
            default -> throw BootException.at(e, "auth.type must be none, api_key or mtls, not '" + type + "'");
        };
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String read(Entry e, Path root, String field) {
        Path file = root.resolve(e.string(field));
        try {
            return Files.readString(file);
        } catch (IOException x) {
            throw BootException.at(e, field + ": cannot read " + file + ": " + x.getMessage());
        }
    }

    public String id() {
        return entry.id();
    }

    /** The effective name of a task queue used through this client. */
    public String queue(String name) {
        return tqPrefix + name;
    }
}
