/**
 * Outbound clients (spec 07 §4, §5.1): the {@code http_client} module on the JDK's
 * {@link java.net.http.HttpClient} (requests that yield while they wait, redirects, gzip, multipart uploads,
 * streaming responses, batches; Apache HttpClient for requests over a Unix socket) and the {@code websocket} module on the JDK's WebSocket client. It must not touch
 * the server side.
 */
package dev.wippy.http.client;
