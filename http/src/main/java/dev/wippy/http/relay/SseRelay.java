package dev.wippy.http.relay;

import dev.wippy.http.config.Options;
import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Handler;
import dev.wippy.http.server.Middleware;
import dev.wippy.http.server.Reply;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.Message;
import dev.wippy.runtime.process.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code sse_relay} (spec 07 §5.3): after the handler set {@code X-SSE-Relay} and wrote nothing, the request becomes
 * an event stream fed by processes through the stream's PID, until a timeout, {@code sse.close}, the target's exit,
 * the client leaving or the server's write timeout.
 */
public final class SseRelay implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.http");
    private static final String HEADER = "X-Sse-Relay";
    private static final Set<String> INTERNAL_TOPICS = Set.of("sse.join", "sse.leave", "sse.heartbeat", "sse.control",
            "sse.close");
    private static final Object ABORTED = new Object();

    private final Node node;
    private final Origins origins;

    public SseRelay(Node node, Options options) {
        this.node = node;
        this.origins = new Origins(options, "sserelay.allowed.origins");
    }

    @Override
    public void handle(Exchange x, Handler next) throws Exception {
        next.handle(x);
        Reply r = x.reply();
        String command = r.takeHeader(HEADER);
        if (command == null) {
            return;
        }
        if (r.hasBody() || r.status() != 0 && r.status() != 200) {
            LOG.atWarn().setMessage("sse relay not started: the handler already answered").addKeyValue("path",
                    x.rawPath()).log();
            return;
        }
        String scheme = x.secure() || "https".equalsIgnoreCase(x.header("X-Forwarded-Proto")) ? "https" : "http";
        if (!origins.allows(x.header("Origin"), List.of(scheme + "://" + x.host()), false)) {
            r.plainError(403, "origin is not allowed");
            return;
        }
        RelaySettings settings;
        try {
            settings = RelaySettings.parse(command, RelaySettings.SSE);
        } catch (RelaySettings.Invalid e) {
            r.plainError(400, e.getMessage());
            return;
        }
        if (r.header("Content-Type") == null) {
            r.setHeader("Content-Type", "text/event-stream");
        }
        r.setHeader("Cache-Control", "no-cache");
        r.setHeader("Connection", "keep-alive");
        r.setHeader("X-Accel-Buffering", "no");
        r.setStatus(200);
        r.markHandled();
        new Stream(x, settings, new RelayProcess(node, x.serverId())).run();
    }

    /** One running stream: its pseudo-process, counters and timers, on the request's thread. */
    private final class Stream {
        private final Exchange x;
        private final RelaySettings settings;
        private final RelayProcess relay;
        private final long started = System.nanoTime();
        private long lastEvent = started;
        private long nextHeartbeat;
        private long messages;
        private boolean clientGone;

        Stream(Exchange x, RelaySettings settings, RelayProcess relay) {
            this.x = x;
            this.settings = settings;
            this.relay = relay;
            this.nextHeartbeat = settings.heartbeat == null ? Long.MAX_VALUE : started + settings.heartbeat.toNanos();
        }

        void run() throws IOException {
            Runnable abort = () -> relay.deliver(ABORTED);
            x.onAbort(abort);
            try {
                x.reply().flush();
                if (settings.target == null) {
                    LuaTable ready = new LuaTable();
                    ready.putStr(LuaString.of("stream_pid"), LuaString.of(relay.pid()));
                    ready.putStr(LuaString.of("message_topic"), LuaString.of(settings.topic));
                    ready.putStr(LuaString.of("metadata"), settings.metadata);
                    event("ready", Payloads.json(ready));
                } else if (!attach(settings.target)) {
                    finish("target process exited");
                    return;
                }
                finish(loop());
            } finally {
                x.removeAbortHook(abort);
            }
        }

        /** Works through deliveries and timers; returns why the stream ends (null: the client or server ended it). */
        private String loop() throws IOException {
            while (!clientGone) {
                long now = System.nanoTime();
                if (settings.hard != null && now - started >= settings.hard.toNanos()) {
                    return "hard timeout";
                }
                if (settings.idle != null && now - lastEvent >= settings.idle.toNanos()) {
                    return "idle timeout";
                }
                if (now >= nextHeartbeat) {
                    heartbeat(now);
                    continue;
                }
                Object item;
                try {
                    item = relay.next(nextDeadline(now) - now);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                if (item == ABORTED) {
                    return null;
                }
                String end = item instanceof Message m ? message(m) : item instanceof Event ev ? exited(ev) : null;
                if (end != null) {
                    return end;
                }
            }
            return null;
        }

        private long nextDeadline(long now) {
            long d = nextHeartbeat;
            if (settings.hard != null) {
                d = Math.min(d, started + settings.hard.toNanos());
            }
            if (settings.idle != null) {
                d = Math.min(d, lastEvent + settings.idle.toNanos());
            }
            return Math.max(now, d);
        }

        private String message(Message m) throws IOException {
            switch (m.topic()) {
                case "sse.close" -> {
                    Object v = Payloads.value(m);
                    return v == null ? "closed by server" : v instanceof LuaString s ? s.toString() : Payloads.json(v);
                }
                case "sse.control" -> {
                    if (Payloads.value(m) instanceof LuaTable t) {
                        control(t);
                    }
                    return null;
                }
                default -> {
                    if (!INTERNAL_TOPICS.contains(m.topic()) && (settings.topic.equals("*")
                            || settings.topic.equals(m.topic()))) {
                        messages++;
                        lastEvent = System.nanoTime();
                        event(m.topic(), Payloads.text(Payloads.value(m)));
                    }
                    return null;
                }
            }
        }

        private String exited(Event ev) {
            return ev.kind().equals(Event.EXIT) && ev.from().equals(settings.target) ? "target process exited" : null;
        }

        private void control(LuaTable t) {
            String before = settings.target;
            Long heartbeat = settings.heartbeat == null ? null : settings.heartbeat.toNanos();
            try {
                settings.apply(t, false);
            } catch (RelaySettings.Invalid e) {
                LOG.atWarn().setMessage("sse.control ignored: " + e.getMessage()).log();
            }
            if (before != null ? !before.equals(settings.target) : settings.target != null) {
                if (before != null) {
                    detach(before);
                }
                if (settings.target != null && !attach(settings.target)) {
                    settings.target = null;
                }
            }
            Long after = settings.heartbeat == null ? null : settings.heartbeat.toNanos();
            if (after == null ? heartbeat != null : !after.equals(heartbeat)) {
                nextHeartbeat = after == null ? Long.MAX_VALUE : System.nanoTime() + after;
            }
        }

        private boolean attach(String target) {
            return relay.join(target, "sse.join", relay.membership(settings.metadata));
        }

        private void detach(String target) {
            relay.leave(target, "sse.leave", relay.membership(settings.metadata));
        }

        private void heartbeat(long now) throws IOException {
            write(": ping\n\n");
            nextHeartbeat = now + settings.heartbeat.toNanos();
            if (settings.target != null) {
                relay.send(settings.target, "sse.heartbeat", relay.heartbeat(settings.metadata, now - started,
                        messages));
            }
        }

        private void finish(String reason) throws IOException {
            if (reason != null && !clientGone) {
                LuaTable done = new LuaTable();
                done.putStr(LuaString.of("reason"), LuaString.of(reason));
                event("done", Payloads.json(done));
            }
            if (settings.target != null) {
                detach(settings.target);
            }
            relay.end("sse relay closed");
        }

        private void event(String name, String data) throws IOException {
            StringBuilder b = new StringBuilder("event: ").append(name).append('\n');
            for (String line : data.split("\n", -1)) {
                b.append("data: ").append(line).append('\n');
            }
            write(b.append('\n').toString());
        }

        private void write(String text) {
            if (clientGone) {
                return;
            }
            try {
                x.reply().write(text.getBytes(StandardCharsets.UTF_8));
                x.reply().flush();
            } catch (IOException | RuntimeException e) {
                clientGone = true;
            }
        }
    }
}
