package dev.wippy.http.client;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Requests over a Unix domain socket (the {@code unix_socket} option, spec 07 §4.2), which the JDK's client cannot
 * open: Apache HttpClient's classic client, on a virtual thread of its own. Redirects, compression and cookies are
 * left to {@link Requests}, as for TCP.
 */
final class UnixSocketTransport {
    private static final CloseableHttpClient CLIENT = HttpClients.custom().disableRedirectHandling()
            .disableContentCompression().disableCookieManagement().disableAutomaticRetries().build();

    private UnixSocketTransport() {
    }

    static CompletableFuture<Requests.Received> send(RequestSpec spec, List<String[]> headers) {
        return CompletableFuture.supplyAsync(() -> {
            ClassicRequestBuilder b = ClassicRequestBuilder.create(spec.method()).setUri(spec.uri());
            headers.forEach(h -> b.addHeader(h[0], h[1]));
            if (spec.body() != null) {
                b.setEntity(new ByteArrayEntity(spec.body(), null));
            }
            HttpClientContext context = HttpClientContext.create();
            context.setRequestConfig(RequestConfig.custom().setUnixDomainSocket(spec.unixSocket())
                    .setResponseTimeout(Timeout.of(spec.timeout())).build());
            try {
                ClassicHttpResponse res = CLIENT.executeOpen(null, b.build(), context);
                Map<String, List<String>> received = new LinkedHashMap<>();
                for (Header h : res.getHeaders()) {
                    received.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
                }
                InputStream body = res.getEntity() == null ? InputStream.nullInputStream()
                        : res.getEntity().getContent();
                return new Requests.Received(spec.uri(), res.getCode(), received, body);
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (UncheckedIOException e) {
                throw new CompletionException(e.getCause());
            }
        }, Thread::startVirtualThread);
    }
}
