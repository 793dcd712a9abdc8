package dev.wippy.http;

import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code tls.mode: manual} on the server (certificates inline, from files or from environment variables; client
 * certificates by each mTLS policy) and the {@code tls} option of {@code http_client} (spec 07 §1.2.1, §4.2).
 */
class TlsTest {
    @TempDir
    Path dir;

    /** A self-signed identity made with the JDK's keytool: its key store and its PEM certificate and key. */
    private record Identity(KeyStore store, String cert, String key) {
    }

    private Identity selfSigned(String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize",
                "2048", "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "secret").inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "secret".toCharArray());
        }
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String cert = "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(ks.getCertificate(name).getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        String key = "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(ks.getKey(name,
                "secret".toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        return new Identity(ks, cert, key);
    }

    /**
     * A key manager that presents {@code client}'s certificate whatever CAs the server names: the JDK's own would
     * send no certificate to a server that does not name its issuer, and the server's check would go untested.
     */
    private static X509ExtendedKeyManager presenting(Identity client) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(client.store(), "secret".toCharArray());
        X509ExtendedKeyManager keys = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
        String alias = client.store().aliases().nextElement();
        return new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {alias};
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return alias;
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return alias;
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String a) {
                return keys.getCertificateChain(a);
            }

            @Override
            public PrivateKey getPrivateKey(String a) {
                return keys.getPrivateKey(a);
            }
        };
    }

    /** The server's identity, written as src/cert.pem and src/key.pem. */
    private String selfSigned() throws Exception {
        Identity server = selfSigned("server");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/cert.pem"), server.cert());
        Files.writeString(dir.resolve("src/key.pem"), server.key());
        return server.cert();
    }

    private static SSLContext trusting(String certPem) throws Exception {
        return trusting(certPem, null);
    }

    /** Trusts {@code certPem}; presents {@code client}'s certificate when it is given. */
    private static SSLContext trusting(String certPem, Identity client) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(certPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(client == null ? null : new KeyManager[] {presenting(client)}, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void aManualTlsServiceServesHttpsAndTheClientVerifiesItWithItsCa() throws Exception {
        String cert = selfSigned();
        String probe = """
                local http = require("http")
                local http_client = require("http_client")
                local CA = [[%s]]
                return { handler = function()
                    local url = "https://" .. http.request():host() .. "/hello"
                    local trusted = http_client.get(url, { tls = { ca = CA } })
                    local skipped = http_client.get(url, { tls = { insecure_skip_verify = true } })
                    local _, refused = http_client.get(url)
                    http.response():write(trusted.body .. " " .. skipped.status_code .. " " .. refused:kind())
                end }
                """.formatted(cert);
        try (HttpApp app = HttpApp.standard(dir, "tls: { mode: manual, cert: file://cert.pem, key: file://key.pem }",
                        "").endpoint("hello", "GET", "/hello", "http", """
                        local http = require("http")
                        return { handler = function() http.response():write("secure") end }
                        """).endpoint("probe", "GET", "/probe", "http, http_client", probe).start()) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).build();
            URI base = URI.create("https://127.0.0.1:" + app.port());
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("secure");
            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/probe")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("secure 200 Internal");
        }
    }

    @Test
    void badTlsMaterialAndClientCertificatesStopTheBoot() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/bad.pem"), "not a pem");
        HttpApp bad = HttpApp.standard(dir, "tls: { mode: manual, cert: file://bad.pem, key: file://bad.pem }", "");
        assertThatThrownBy(bad::start).isInstanceOf(BootException.class)
                .hasMessageContaining("entry app:gateway: failed to load TLS cert/key");
        HttpApp unset = HttpApp.standard(dir, "tls: { mode: manual, cert_env: NO_CERT, key_env: NO_KEY }", "");
        assertThatThrownBy(unset::start).isInstanceOf(BootException.class)
                .hasMessageContaining("entry app:gateway: failed to resolve TLS env variable: NO_CERT");
        HttpApp noCa = HttpApp.standard(dir, "tls: { mode: manual, cert: file://cert.pem, key: file://key.pem,"
                + " client_auth: require_and_verify, client_ca: not a pem }", "");
        selfSigned();
        assertThatThrownBy(noCa::start).isInstanceOf(BootException.class)
                .hasMessageContaining("entry app:gateway: client_ca PEM contains no valid certificates");
    }

    private static int status(String cert, Identity client, URI uri) throws Exception {
        HttpClient c = HttpClient.newBuilder().sslContext(trusting(cert, client)).build();
        return c.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void certificateAndKeyComeFromEnvironmentVariablesWhenTheServiceStarts() throws Exception {
        Identity server = selfSigned("server");
        String variables = """
                - { name: secrets, kind: env.storage.memory }
                - name: cert
                  kind: env.variable
                  variable: SERVER_CERT
                  storage: secrets
                  default: |
                %s- name: key
                  kind: env.variable
                  variable: SERVER_KEY
                  storage: secrets
                  default: |
                %s""".formatted(server.cert().indent(4), server.key().indent(4));
        try (HttpApp app = HttpApp.standard(dir, "tls: { mode: manual, cert_env: SERVER_CERT, key_env: app:key }",
                "").raw(variables).endpoint("hello", "GET", "/hello", "http", """
                local http = require("http")
                return { handler = function() http.response():write("secure") end }
                """).start()) {
            assertThat(status(server.cert(), null, URI.create("https://127.0.0.1:" + app.port() + "/hello")))
                    .isEqualTo(200);
        }
    }

    /** mTLS (spec 07 §1.2.1): {@code policy} with the trusted client CA {@code ca} (null: none). */
    private HttpApp mtls(String policy, Identity ca) throws Exception {
        selfSigned();
        String caField = ca == null ? "" : ", client_ca: file://ca.pem";
        if (ca != null) {
            Files.writeString(dir.resolve("src/ca.pem"), ca.cert());
        }
        return HttpApp.standard(dir, "tls: { mode: manual, cert: file://cert.pem, key: file://key.pem, client_auth: "
                + policy + caField + " }", "").endpoint("hello", "GET", "/hello", "http", """
                local http = require("http")
                return { handler = function() http.response():write("secure") end }
                """).start();
    }

    @Test
    void requireAndVerifyServesOnlyClientsWithACertificateOfTheTrustedCa() throws Exception {
        Identity trusted = selfSigned("trusted");
        Identity stranger = selfSigned("stranger");
        try (HttpApp app = mtls("require_and_verify", trusted)) {
            String cert = Files.readString(dir.resolve("src/cert.pem"));
            URI uri = URI.create("https://127.0.0.1:" + app.port() + "/hello");
            assertThat(status(cert, trusted, uri)).isEqualTo(200);
            assertThatThrownBy(() -> status(cert, stranger, uri)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> status(cert, null, uri)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void verifyIfGivenLetsClientsWithoutACertificateIn() throws Exception {
        Identity trusted = selfSigned("trusted");
        Identity stranger = selfSigned("stranger");
        try (HttpApp app = mtls("verify_if_given", trusted)) {
            String cert = Files.readString(dir.resolve("src/cert.pem"));
            URI uri = URI.create("https://127.0.0.1:" + app.port() + "/hello");
            assertThat(status(cert, null, uri)).isEqualTo(200);
            assertThat(status(cert, trusted, uri)).isEqualTo(200);
            assertThatThrownBy(() -> status(cert, stranger, uri)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void requireAnyTakesAnyCertificateButNotNone() throws Exception {
        Identity stranger = selfSigned("stranger");
        try (HttpApp app = mtls("require_any", null)) {
            String cert = Files.readString(dir.resolve("src/cert.pem"));
            URI uri = URI.create("https://127.0.0.1:" + app.port() + "/hello");
            assertThat(status(cert, stranger, uri)).isEqualTo(200);
            assertThatThrownBy(() -> status(cert, null, uri)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void requestAsksButServesEveryone() throws Exception {
        Identity stranger = selfSigned("stranger");
        try (HttpApp app = mtls("request", null)) {
            String cert = Files.readString(dir.resolve("src/cert.pem"));
            URI uri = URI.create("https://127.0.0.1:" + app.port() + "/hello");
            assertThat(status(cert, stranger, uri)).isEqualTo(200);
            assertThat(status(cert, null, uri)).isEqualTo(200);
        }
    }
}
