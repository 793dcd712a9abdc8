package dev.wippy.http.client;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The {@code tls} option of {@code http_client} (spec 07 §4.2): a client certificate (PEM cert and key), a CA bundle
 * replacing the system roots, or no verification at all. {@code server_name} is not supported by the JDK client and
 * is ignored. Equal options share one pooled client.
 */
record ClientTls(String cert, String key, String ca, boolean insecure) {
    static ClientTls of(LuaTable options) {
        if (!(options.getStr(LuaString.of("tls")) instanceof LuaTable t)) {
            return null;
        }
        return new ClientTls(text(t, "cert"), text(t, "key"), text(t, "ca"),
                Boolean.TRUE.equals(t.getStr(LuaString.of("insecure_skip_verify"))));
    }

    private static String text(LuaTable t, String field) {
        return t.getStr(LuaString.of(field)) instanceof LuaString s && s.length() > 0 ? s.toString() : null;
    }

    /**
     * @throws GeneralSecurityException for PEM texts that hold no usable certificate or key
     */
    SSLContext context() throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(cert == null || key == null ? null : keyManagers(), insecure ? new TrustManager[] {TRUST_ALL}
                : ca == null ? null : trustManagers(), null);
        return ctx;
    }

    private javax.net.ssl.KeyManager[] keyManagers() throws GeneralSecurityException {
        Keys keys;
        try {
            keys = Keys.builder().pem(p -> p.key(Resource.create("tls.key", key))
                    .certChain(Resource.create("tls.cert", cert))).build();
        } catch (RuntimeException e) {
            throw new GeneralSecurityException("bad tls cert/key PEM: " + e.getMessage(), e);
        }
        if (keys.privateKey().isEmpty() || keys.certChain().isEmpty()) {
            throw new GeneralSecurityException("bad tls cert/key PEM");
        }
        KeyStore store = emptyStore();
        char[] password = new char[0];
        store.setKeyEntry("client", keys.privateKey().get(), password,
                keys.certChain().toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        return kmf.getKeyManagers();
    }

    private TrustManager[] trustManagers() throws GeneralSecurityException {
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(ca.getBytes(StandardCharsets.US_ASCII)))) {
            store.setCertificateEntry("ca" + i++, c);
        }
        if (i == 0) {
            throw new GeneralSecurityException("bad tls ca PEM: no certificates");
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            return store;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** insecure_skip_verify: any certificate, any host name (the name check belongs to the trust manager). */
    private static final X509ExtendedTrustManager TRUST_ALL = new X509ExtendedTrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
