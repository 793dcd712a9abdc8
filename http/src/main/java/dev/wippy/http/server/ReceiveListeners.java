package dev.wippy.http.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.util.List;

/**
 * Several receive listeners as the one the server calls: Helidon's own list of them forwards nothing (its
 * composite of two or more listeners has no methods), so the server is given this instead.
 */
final class ReceiveListeners implements Http1ConnectionListener {
    private final List<Http1ConnectionListener> listeners;

    ReceiveListeners(List<Http1ConnectionListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        listeners.forEach(l -> l.prologue(ctx, prologue));
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        listeners.forEach(l -> l.headers(ctx, headers));
    }

    @Override
    public void data(ConnectionContext ctx, BufferData data) {
        listeners.forEach(l -> l.data(ctx, data));
    }

    @Override
    public void data(ConnectionContext ctx, byte[] bytes, int offset, int length) {
        listeners.forEach(l -> l.data(ctx, bytes, offset, length));
    }
}
