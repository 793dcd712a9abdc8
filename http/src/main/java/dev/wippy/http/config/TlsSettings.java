package dev.wippy.http.config;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code tls.*} of an {@code http.service} (spec 07 §1.2.1): its consistency rules, and for {@code manual} mode the
 * PEM certificate chain and key ({@code file://} paths are read relative to the entry's file). Client
 * certificates (mTLS) and the {@code *_env} variants are refused at boot as not supported yet.
 *
 * @param cert the PEM certificate chain
 * @param key  the PEM private key
 */
public record TlsSettings(String cert, String key) {
    private static final Set<String> MODES = Set.of("", "manual", "auto");
    private static final Set<String> CLIENT_AUTH = Set.of("request", "require_any", "verify_if_given",
            "require_and_verify");
    private static final List<String> FIELDS = List.of("cert", "key", "cert_env", "key_env", "client_auth",
            "client_ca", "client_ca_env");

    /** The TLS material of {@code e}, or null when TLS is off. */
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
                if (!auth.isEmpty()) {
                    throw BootException.at(e, "tls.client_auth: client certificates (mTLS) are not supported by "
                            + "this runtime yet");
                }
                if (!text(e, "cert_env").isEmpty()) {
                    throw BootException.at(e, "tls.cert_env/key_env are not supported by this runtime yet; write "
                            + "cert: ${env:NAME} and key: ${env:NAME} instead");
                }
                return new TlsSettings(pem(e, "cert"), pem(e, "key"));
            }
        }
    }

    /** A PEM field: the text itself, or the content of a {@code file://} path relative to the entry's file. */
    private static String pem(Entry e, String field) {
        String v = text(e, field);
        if (!v.startsWith("file://")) {
            return v;
        }
        Path file = e.origin().directory().resolve(v.substring("file://".length())).normalize();
        try {
            return Files.readString(file);
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
