package dev.wippy.http.client;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.registry.ConfigDurations;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code websocket} client module (spec 07 §5.1) on the JDK's WebSocket client: {@code connect} and the
 * constants. Compression (permessage-deflate) is not offered by that client; the option is accepted and ignored.
 */
public final class WebSocketModule {
    private static final LuaTable TABLE = new LuaTable();
    static final long TEXT = 1;
    static final long BINARY = 2;
    private static final long DEFAULT_READ_LIMIT = 16_777_216;
    private static final long MAX_READ_LIMIT = 134_217_728;
    /** Made on first use: an HTTP client starts a selector thread and loads TLS, which most apps never need. */
    private static final class Client {
        static final HttpClient INSTANCE = HttpClient.newHttpClient();
    }

    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        for (String[] t : new String[][] {{"TYPE_TEXT", "text"}, {"TYPE_BINARY", "binary"}, {"TYPE_PING", "ping"},
            {"TYPE_PONG", "pong"}, {"TYPE_CLOSE", "close"}}) {
            TABLE.putStr(LuaString.of(t[0]), LuaString.of(t[1]));
        }
        TABLE.putStr(LuaString.of("TEXT"), TEXT);
        TABLE.putStr(LuaString.of("BINARY"), BINARY);
        LuaTable compression = new LuaTable();
        compression.putStr(LuaString.of("DISABLED"), 0L);
        compression.putStr(LuaString.of("CONTEXT_TAKEOVER"), 1L);
        compression.putStr(LuaString.of("NO_CONTEXT"), 2L);
        TABLE.putStr(LuaString.of("COMPRESSION"), compression.freeze());
        LuaTable codes = new LuaTable();
        String[] names = {"NORMAL", "GOING_AWAY", "PROTOCOL_ERROR", "UNSUPPORTED_DATA", "RESERVED", "NO_STATUS",
            "ABNORMAL_CLOSURE", "INVALID_PAYLOAD", "POLICY_VIOLATION", "MESSAGE_TOO_BIG", "MANDATORY_EXTENSION",
            "INTERNAL_ERROR", "SERVICE_RESTART", "TRY_AGAIN_LATER", "BAD_GATEWAY", "TLS_HANDSHAKE"};
        for (int i = 0; i < names.length; i++) {
            codes.putStr(LuaString.of(names[i]), 1000L + i);
        }
        TABLE.putStr(LuaString.of("CLOSE_CODES"), codes.freeze());
        TABLE.putStr(LuaString.of("connect"), new JavaFunction("websocket.connect", WebSocketModule::connect));
        TABLE.freeze();
    }

    private WebSocketModule() {
    }

    private static Object connect(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof LuaString url) || url.length() == 0) {
            throw LuaError.library("websocket.connect: url is required");
        }
        LuaTable o = Args.arg(a, 1) instanceof LuaTable t ? t : new LuaTable();
        Duration dial = duration(o.getStr(LuaString.of("dial_timeout")), Duration.ofSeconds(30));
        Duration read = duration(o.getStr(LuaString.of("read_timeout")), null);
        long limit = o.getStr(LuaString.of("read_limit")) instanceof Long l && l >= 0 && l <= MAX_READ_LIMIT
                ? l : DEFAULT_READ_LIMIT;
        dev.wippy.runtime.process.Execution execution = dev.wippy.runtime.process.Execution.of(s);
        if (execution == null) {
            throw LuaError.library("websocket.connect: needs a process or function");
        }
        WebSocketClientValue client = new WebSocketClientValue(execution, limit == 0 ? DEFAULT_READ_LIMIT : limit,
                read);
        WebSocket.Builder b = Client.INSTANCE.newWebSocketBuilder().connectTimeout(dial);
        RequestSpec.strings(o, "headers").forEach(b::header);
        if (o.getStr(LuaString.of("protocols")) instanceof LuaTable p && p.length() > 0) {
            String first = String.valueOf(p.getInt(1));
            String[] rest = new String[(int) p.length() - 1];
            for (int i = 0; i < rest.length; i++) {
                rest[i] = String.valueOf(p.getInt(i + 2));
            }
            b.subprotocols(first, rest);
        }
        CompletableFuture<WebSocket> f;
        try {
            f = b.buildAsync(URI.create(url.toString()), client.listener());
        } catch (IllegalArgumentException e) {
            return dialFailure(url.toString(), e);
        }
        try {
            client.opened(Scheduler.of(s).awaitFuture(f));
            return client;
        } catch (Killed k) {
            f.cancel(true);
            throw k;
        } catch (CompletionException e) {
            return dialFailure(url.toString(), e.getCause() == null ? e : e.getCause());
        }
    }

    private static Object dialFailure(String url, Throwable cause) {
        return Multi.of(null, ErrorObject.of(ErrorObject.INTERNAL, "failed to dial websocket", Boolean.TRUE,
                Map.of("url", LuaString.of(url), "cause", LuaString.of(String.valueOf(cause.getMessage())))));
    }

    /** Milliseconds or a duration string; out-of-range values keep the default. */
    private static Duration duration(Object v, Duration otherwise) {
        if (v instanceof Long ms && ms > 0) {
            return Duration.ofMillis(ms);
        }
        if (v instanceof Double ms && ms > 0) {
            return Duration.ofNanos((long) (ms * 1e6));
        }
        if (v instanceof LuaString text) {
            Duration d = ConfigDurations.parse(text.toString());
            return d == null || d.isNegative() || d.isZero() ? otherwise : d;
        }
        return otherwise;
    }
}
