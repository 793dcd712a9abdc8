package dev.wippy.http.server;

import dev.wippy.http.config.TlsSettings;
import dev.wippy.runtime.registry.BootException;
import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The server side of {@code tls.mode: manual} (spec 07 §1.2.1): the PEM chain and key, TLS 1.2 at the least, and
 * client certificates by the mTLS policy: {@code request} and {@code require_any} take any certificate unchecked,
 * the verification modes only one issued by the trusted client CAs.
 */
final class ServerTls {
    private ServerTls() {
    }

    /**
     * @throws BootException {@code failed to load TLS cert/key} when the PEM texts hold no usable key or chain,
     *                       {@code client_ca PEM contains no valid certificates}, or an unset env variable
     */
    static Tls of(TlsSettings settings, TlsSettings.Variables env) {
        String cert = settings.cert().resolve(settings.entry(), env);
        String key = settings.key().resolve(settings.entry(), env);
        Keys keys;
        try {
            keys = Keys.builder().pem(p -> p.key(Resource.create("tls.key", key))
                    .certChain(Resource.create("tls.cert", cert))).build();
        } catch (RuntimeException e) {
            throw BootException.at(settings.entry(), "failed to load TLS cert/key: " + e.getMessage());
        }
        if (keys.privateKey().isEmpty() || keys.certChain().isEmpty()) {
            throw BootException.at(settings.entry(), "failed to load TLS cert/key: the PEM texts hold no "
                    + (keys.privateKey().isEmpty() ? "private key" : "certificate"));
        }
        var tls = Tls.builder().privateKey(keys.privateKey().get()).privateKeyCertChain(keys.certChain())
                .enabledProtocols(List.of("TLSv1.3", "TLSv1.2"));
        if (!settings.clientAuth().isEmpty()) {
            tls.clientAuth(settings.requiresClientCertificate() ? TlsClientAuth.REQUIRED : TlsClientAuth.OPTIONAL);
            if (settings.verifiesClients()) {
                tls.trust(clientCas(settings, env));
            } else {
                tls.trustAll(true);
            }
        }
        return tls.build();
    }

    private static List<X509Certificate> clientCas(TlsSettings settings, TlsSettings.Variables env) {
        String pem = settings.clientCa().resolve(settings.entry(), env);
        List<X509Certificate> cas;
        try {
            cas = Keys.builder().pem(p -> p.certificates(Resource.create("tls.client_ca", pem))).build().certs();
        } catch (RuntimeException e) {
            cas = List.of();
        }
        if (cas.isEmpty()) {
            throw BootException.at(settings.entry(), "client_ca PEM contains no valid certificates");
        }
        return cas;
    }
}
