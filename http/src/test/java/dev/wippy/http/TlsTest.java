package dev.wippy.http;

import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tls.mode: manual} on the server and the {@code tls} option of {@code http_client} (spec 07 §1.2.1, §4.2). */
class TlsTest {
    @TempDir
    Path dir;

    /** A self-signed certificate for 127.0.0.1 made with the JDK's keytool, written as cert.pem and key.pem. */
    private String selfSigned() throws Exception {
        Path store = dir.resolve("store.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize",
                "2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "secret").inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "secret".toCharArray());
        }
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String cert = "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(ks.getCertificate("server").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        String key = "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(ks.getKey("server",
                "secret".toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/cert.pem"), cert);
        Files.writeString(dir.resolve("src/key.pem"), key);
        return cert;
    }

    private static SSLContext trusting(String certPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(certPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
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
        HttpApp mtls = HttpApp.standard(dir, "tls: { mode: manual, cert: x, key: y, client_auth: request }", "");
        assertThatThrownBy(mtls::start).isInstanceOf(BootException.class)
                .hasMessageContaining("entry app:gateway: tls.client_auth: client certificates (mTLS) are not "
                        + "supported by this runtime yet");
    }
}
