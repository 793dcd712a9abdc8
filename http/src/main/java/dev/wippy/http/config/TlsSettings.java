package dev.wippy.http.config;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code tls.*} of an {@code http.service} (spec 07 §1.2.1): its consistency rules, checked at boot, and for
 * {@code manual} mode where the PEM texts come from: the fields themselves ({@code file://} paths are read relative
 * to the entry's file) or, for the {@code *_env} fields, environment variables read when the service starts.
 *
 * @param clientAuth the mTLS policy ({@code request}, {@code require_any}, {@code verify_if_given},
 *                   {@code require_and_verify}), empty when client certificates are not asked for
 */
public record TlsSettings(Entry entry, Pem cert, Pem key, String clientAuth, Pem clientCa) {
    private static final Set<String> MODES = Set.of("", "manual", "auto");
    private static final Set<String> CLIENT_AUTH = Set.of("request", "require_any", "verify_if_given",
            "require_and_verify");
    private static final List<String> FIELDS = List.of("cert", "key", "cert_env", "key_env", "client_auth",
            "client_ca", "client_ca_env");

    /** Environment variables by name (spec 03 §3.12); null when one is not set. */
    public interface Variables {
        String get(String name);
    }

    /** A PEM text given inline, or the name of the environment variable that holds it. */
    public record Pem(String text, String variable) {
        /** @throws BootException {@code failed to resolve TLS env variable: NAME} when the variable is not set */
        public String resolve(Entry e, Variables env) {
            if (variable == null) {
                return text;
            }
            String v = env.get(variable);
            if (v == null || v.isEmpty()) {
                throw BootException.at(e, "failed to resolve TLS env variable: " + variable);
            }
            return v;
        }
    }

    /** Whether the client's certificate, when it sends one, is checked against {@link #clientCa}. */
    public boolean verifiesClients() {
        return clientAuth.equals("verify_if_given") || clientAuth.equals("require_and_verify");
    }

    /** Whether a client must send a certificate. */
    public boolean requiresClientCertificate() {
        return clientAuth.equals("require_any") || clientAuth.equals("require_and_verify");
    }

    /** The TLS settings of {@code e}, or null when TLS is off. */
    static TlsSettings of(Entry e) {
        String mode = text(e, "mode");
        if (!MODES.contains(mode)) {
            throw BootException.at(e, "invalid tls.mode: " + mode);
        }
        String auth = text(e, "client_auth");
        if (!auth.isEmpty() && !CLIENT_AUTH.contains(auth)) {
            throw BootException.at(e, "invalid tls.client_auth: " + auth);
        }
        boolean anySet = FIELDS.stream().anyMatch(f -> !text(e, f).isEmpty());
        switch (mode) {
            case "" -> {
                if (anySet) {
                    throw BootException.at(e, "tls.mode=off must not set cert/key or mTLS fields");
                }
                return null;
            }
            case "auto" -> {
                if (!text(e, "cert").isEmpty() || !text(e, "key").isEmpty() || !text(e, "cert_env").isEmpty()
                        || !text(e, "key_env").isEmpty()) {
                    throw BootException.at(e, "tls.mode=auto must not set cert/key (driver-managed)");
                }
                if (!auth.isEmpty()) {
                    throw BootException.at(e, "mTLS (client_auth) requires tls.mode=manual");
                }
                throw BootException.at(e, "tls.mode=auto requires an overlay network driver");
            }
            default -> {
                checkManual(e, auth);
                return new TlsSettings(e, pem(e, "cert"), pem(e, "key"), auth, pem(e, "client_ca"));
            }
        }
    }

    /** Field {@code field} or {@code field_env}, whichever is set; null when neither is. */
    private static Pem pem(Entry e, String field) {
        String variable = text(e, field + "_env");
        if (!variable.isEmpty()) {
            return new Pem(null, variable);
        }
        String v = text(e, field);
        if (v.isEmpty()) {
            return null;
        }
        if (!v.startsWith("file://")) {
            return new Pem(v, null);
        }
        Path file = e.origin().directory().resolve(v.substring("file://".length())).normalize();
        try {
            return new Pem(Files.readString(file), null);
        } catch (IOException x) {
            throw BootException.at(e, "tls." + field + ": cannot read " + file + ": " + x.getMessage());
        }
    }

    private static void checkManual(Entry e, String auth) {
        boolean pair = !text(e, "cert").isEmpty() || !text(e, "key").isEmpty();
        boolean envPair = !text(e, "cert_env").isEmpty() || !text(e, "key_env").isEmpty();
        if (pair && (text(e, "cert").isEmpty() || text(e, "key").isEmpty())) {
            throw BootException.at(e, "tls.mode=manual: cert and key must both be set");
        }
        if (envPair && (text(e, "cert_env").isEmpty() || text(e, "key_env").isEmpty())) {
            throw BootException.at(e, "tls.mode=manual: cert_env and key_env must both be set");
        }
        if (!pair && !envPair) {
            throw BootException.at(e, "tls.mode=manual requires cert+key or cert_env+key_env");
        }
        if (pair && envPair) {
            throw BootException.at(e, "tls.mode=manual: set either cert+key or cert_env+key_env, not both");
        }
        boolean ca = !text(e, "client_ca").isEmpty();
        boolean caEnv = !text(e, "client_ca_env").isEmpty();
        if (ca && caEnv) {
            throw BootException.at(e, "tls.mode=manual: set either client_ca or client_ca_env, not both");
        }
        if ((ca || caEnv) && auth.isEmpty()) {
            throw BootException.at(e, "client_ca set but client_auth is empty");
        }
        if ((auth.equals("verify_if_given") || auth.equals("require_and_verify")) && !ca && !caEnv) {
            throw BootException.at(e, "client_auth verification modes require client_ca or client_ca_env");
        }
    }

    private static String text(Entry e, String field) {
        Object v = e.field("tls." + field);
        return v == null ? "" : v.toString();
    }
}
