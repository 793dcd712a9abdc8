package dev.wippy.http.server;

import dev.wippy.http.config.TlsSettings;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.tls.Tls;

import java.util.List;

/** The server side of {@code tls.mode: manual} (spec 07 §1.2.1): the PEM chain and key, TLS 1.2 at the least. */
final class ServerTls {
    private ServerTls() {
    }

    /**
     * @throws BootException {@code failed to load TLS cert/key} when the PEM texts hold no usable key or chain
     */
    static Tls of(TlsSettings settings, Entry service) {
        Keys keys;
        try {
            keys = Keys.builder().pem(p -> p.key(Resource.create("tls.key", settings.key()))
                    .certChain(Resource.create("tls.cert", settings.cert()))).build();
        } catch (RuntimeException e) {
            throw BootException.at(service, "failed to load TLS cert/key: " + e.getMessage());
        }
        if (keys.privateKey().isEmpty() || keys.certChain().isEmpty()) {
            throw BootException.at(service, "failed to load TLS cert/key: the PEM texts hold no "
                    + (keys.privateKey().isEmpty() ? "private key" : "certificate"));
        }
        return Tls.builder().privateKey(keys.privateKey().get()).privateKeyCertChain(keys.certChain())
                .enabledProtocols(List.of("TLSv1.3", "TLSv1.2")).build();
    }
}
