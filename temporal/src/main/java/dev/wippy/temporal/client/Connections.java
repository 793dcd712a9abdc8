package dev.wippy.temporal.client;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.temporal.config.ClientSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.TrustManagerFactory;

/** Connects a {@code temporal.client} entry: service stubs with its TLS, credentials and keep-alive, and a client. */
public final class Connections {
    private Connections() {
    }

    /**
     * Connects and checks that the server answers within the entry's {@code connection_timeout}.
     *
     * @throws BootException naming the entry when the server cannot be reached or the TLS settings are unusable
     */
    public static WorkflowClient connect(ClientSettings c) {
        WorkflowServiceStubsOptions.Builder b = WorkflowServiceStubsOptions.newBuilder()
                .setTarget(c.address())
                .setEnableKeepAlive(true)
                .setKeepAliveTime(c.keepAliveTime())
                .setKeepAliveTimeout(c.keepAliveTimeout())
                .setHealthCheckAttemptTimeout(c.connectionTimeout());
        if (c.tls().enabled()) {
            b.setSslContext(ssl(c));
        }
        if (c.auth().apiKey() != null) {
            String key = c.auth().apiKey();
            b.addApiKey(() -> key);
        }
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(b.build());
        // the SDK's own connected stubs wait for their RPC timeout besides the given one: the wait is bounded here
        CompletableFuture<?> check = CompletableFuture.runAsync(stubs::healthCheck,
                Executors.newVirtualThreadPerTaskExecutor());
        try {
            check.get(c.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stubs.shutdownNow();
            String why = e instanceof ExecutionException ? e.getCause().getMessage() : "no answer";
            throw BootException.at(c.entry(), "cannot reach the Temporal server at " + c.address() + " within "
                    + c.connectionTimeout().toMillis() + "ms: " + why);
        } catch (InterruptedException e) {
            stubs.shutdownNow();
            Thread.currentThread().interrupt();
            throw BootException.at(c.entry(), "interrupted while connecting to " + c.address());
        }
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(c.namespace())
                .build());
    }

    private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext ssl(ClientSettings c) {
        try {
            SimpleSslContextBuilder ssl = c.auth().certPem() != null
                    ? SimpleSslContextBuilder.forPKCS8(stream(c.auth().certPem()), stream(c.auth().keyPem()))
                    : SimpleSslContextBuilder.noKeyOrCertChain();
            if (c.tls().insecureSkipVerify()) {
                ssl.setUseInsecureTrustManager(true);
            } else if (c.tls().caPem() != null) {
                ssl.setTrustManager(trustManagers(c.tls().caPem()).getTrustManagers()[0]);
            }
            return ssl.build();
        } catch (Exception e) {
            throw BootException.at(c.entry(), "TLS settings cannot be used: " + e.getMessage());
        }
    }

    private static TrustManagerFactory trustManagers(String caPem) throws Exception {
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                .generateCertificates(stream(caPem));
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (var cert : certs) {
            store.setCertificateEntry("ca" + i++, (X509Certificate) cert);
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        return f;
    }

    private static ByteArrayInputStream stream(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8));
    }
}
