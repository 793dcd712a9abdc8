/**
 * The {@code http_client} module (spec 07 §4) on the JDK's {@link java.net.http.HttpClient}: requests that yield
 * while they wait, redirects, gzip, multipart uploads, streaming responses and batches. It must not touch the
 * server side.
 */
package dev.wippy.http.client;
