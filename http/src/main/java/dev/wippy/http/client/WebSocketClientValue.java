package dev.wippy.http.client;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client connection (spec 07 §5.1): {@code send}, {@code channel}/{@code receive}, {@code ping},
 * {@code close}. Incoming messages go to a channel of the execution that opened the connection; the channel closes
 * when the connection ends, and the connection closes (1001) when that execution ends.
 */
final class WebSocketClientValue extends LuaUserdata {
    private static final LuaTable META;
    private static final int GOING_AWAY = 1001;
    private static final int TOO_BIG = 1009;

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "send", WebSocketClientValue.class, "websocket.Client", (s, c, a) -> {
            Object data = Args.arg(a, 1);
            if (!(data instanceof LuaString text)) {
                throw Args.typeError(s, a, 1, "string");
            }
            boolean binary = Args.arg(a, 2) instanceof Long t && t == WebSocketModule.BINARY;
            return c.await(s, ws -> binary ? ws.sendBinary(ByteBuffer.wrap(text.toByteArray()), true)
                    : ws.sendText(text.toString(), true));
        });
        Methods.add(m, "ping", WebSocketClientValue.class, "websocket.Client", (s, c, a) -> {
            CompletableFuture<Void> pong = new CompletableFuture<>();
            synchronized (c) {
                c.pongs.add(pong);
            }
            Object sent = c.await(s, ws -> ws.sendPing(ByteBuffer.allocate(0)));
            if (sent != null) {
                return sent;
            }
            return c.await(s, ws -> pong.thenApply(v -> ws));
        });
        Methods.add(m, "channel", WebSocketClientValue.class, "websocket.Client", (s, c, a) -> c.channel);
        Methods.add(m, "receive", WebSocketClientValue.class, "websocket.Client", (s, c, a) -> c.channel);
        Methods.add(m, "close", WebSocketClientValue.class, "websocket.Client", (s, c, a) -> {
            long code = Args.arg(a, 1) instanceof Long l && l >= 1000 && l <= 4999 ? l : 1000;
            String reason = Args.arg(a, 2) instanceof LuaString r ? r.toString() : "";
            c.closeWith((int) code, reason);
            return Multi.EMPTY;
        });
        META = Methods.metatable("websocket.Client", m).freeze();
    }

    private final long readLimit;
    private final Duration readTimeout;
    private final ArrayDeque<CompletableFuture<Void>> pongs = new ArrayDeque<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final Scheduler owner;
    private final Channel channel;
    private final java.util.concurrent.ScheduledExecutorService timers;
    private WebSocket ws;
    private boolean ended;
    private ScheduledFuture<?> idle;

    /** A connection of {@code execution}, which receives its messages and whose end closes it. */
    WebSocketClientValue(Execution execution, long readLimit, Duration readTimeout) {
        super(null, META);
        this.readLimit = readLimit;
        this.readTimeout = readTimeout;
        this.owner = execution.scheduler();
        this.channel = Channel.runtimeFed(owner);
        this.timers = execution.node().timers();
        execution.onExit(() -> closeWith(GOING_AWAY, ""));
    }

    /** The connection is up. */
    void opened(WebSocket socket) {
        synchronized (this) {
            ws = socket;
        }
        armReadTimeout();
    }

    private interface Step {
        CompletableFuture<WebSocket> on(WebSocket ws);
    }

    /** Runs an operation on the connection and waits for it; nil or {@code nil, err}. */
    private Object await(dev.wippy.lua.vm.LuaState s, Step step) {
        WebSocket socket;
        synchronized (this) {
            socket = ended ? null : ws;
        }
        if (socket == null || socket.isOutputClosed()) {
            return Multi.of(null, ErrorObject.of(ErrorObject.UNAVAILABLE, "websocket connection closed", false, null));
        }
        try {
            Scheduler.of(s).awaitFuture(step.on(socket));
            return null;
        } catch (Killed k) {
            throw k;
        } catch (CompletionException | IllegalStateException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            return Multi.of(null, ErrorObject.of(ErrorObject.INTERNAL, String.valueOf(c.getMessage()), false, null));
        }
    }

    private void closeWith(int code, String reason) {
        WebSocket socket;
        synchronized (this) {
            socket = ws;
        }
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(code, reason).exceptionally(t -> null);
        }
        end();
    }

    private void end() {
        WebSocket socket;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            if (idle != null) {
                idle.cancel(false);
            }
            pongs.forEach(p -> p.completeExceptionally(new IllegalStateException("websocket connection closed")));
            socket = ws;
        }
        owner.lock.lock();
        try {
            channel.closeLocked();
        } finally {
            owner.lock.unlock();
        }
        if (socket != null) {
            socket.abort();
        }
    }

    private synchronized void armReadTimeout() {
        if (readTimeout == null || ended) {
            return;
        }
        if (idle != null) {
            idle.cancel(false);
        }
        idle = timers.schedule(() -> closeWith(GOING_AWAY, "read timeout"), readTimeout.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void received(String type, byte[] data) {
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("type"), LuaString.of(type));
        t.putStr(LuaString.of("data"), LuaString.wrap(data));
        channel.deliver(t);
        armReadTimeout();
    }

    WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                frame(ws, "text", data.toString().getBytes(StandardCharsets.UTF_8), last);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                frame(ws, "binary", b, last);
                return null;
            }

            @Override
            public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
                CompletableFuture<Void> p;
                synchronized (WebSocketClientValue.this) {
                    p = pongs.poll();
                }
                if (p != null) {
                    p.complete(null);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                end();
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                end();
            }
        };
    }

    private void frame(WebSocket socket, String type, byte[] bytes, boolean last) {
        byte[] message = null;
        boolean tooBig;
        synchronized (this) {
            partial.writeBytes(bytes);
            tooBig = partial.size() > readLimit;
            if (tooBig) {
                partial.reset();
            } else if (last) {
                message = partial.toByteArray();
                partial.reset();
            }
        }
        if (tooBig) {
            closeWith(TOO_BIG, "message too big");
            return;
        }
        if (message != null) {
            received(type, message);
        }
        socket.request(1);
    }
}
