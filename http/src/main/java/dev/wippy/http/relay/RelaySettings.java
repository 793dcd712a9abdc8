package dev.wippy.http.relay;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.json.JsonModule;
import dev.wippy.runtime.process.Pids;
import dev.wippy.runtime.registry.ConfigDurations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The relay command a handler puts in a response header (spec 07 §5.2, §5.3): the target, the topic of messages
 * between client and processes, metadata and the timers. Mutable: control messages change it while the relay runs.
 */
final class RelaySettings {
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    /** The SSE relay's: a zero heartbeat turns heartbeats off. */
    static final Kind SSE = new Kind("sse.message", true);
    /** The WebSocket relay's: a zero or bad heartbeat means the default. */
    static final Kind WEBSOCKET = new Kind("ws.message", false);

    /** What differs between the two relays' commands. */
    record Kind(String defaultTopic, boolean zeroHeartbeatDisables) {}

    private final Kind kind;
    String target;
    String topic;
    LuaTable metadata = new LuaTable();
    Duration heartbeat = DEFAULT_HEARTBEAT;
    Duration idle;
    Duration hard;

    /** A problem with the command, answered with 400 and this message. */
    static class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** The command is not a JSON object at all. */
    static final class NotJson extends Invalid {
        NotJson(String message) {
            super("invalid relay configuration: " + message);
        }
    }

    private RelaySettings(Kind kind) {
        this.kind = kind;
        this.topic = kind.defaultTopic();
    }

    static RelaySettings parse(String json, Kind kind) throws Invalid {
        Object decoded;
        try {
            decoded = JsonModule.decode(json.getBytes(StandardCharsets.UTF_8), JsonModule.jsonFormat());
        } catch (IOException e) {
            throw new NotJson(e.getMessage());
        }
        if (!(decoded instanceof LuaTable t)) {
            throw new NotJson("not a JSON object");
        }
        RelaySettings s = new RelaySettings(kind);
        s.apply(t, true);
        return s;
    }

    /**
     * Applies the fields present in {@code t}. A command ({@code strict}) refuses bad values; a control message
     * ignores them and treats empty strings as "back to the default".
     */
    void apply(LuaTable t, boolean strict) throws Invalid {
        if (t.getStr(LuaString.of("target_pid")) instanceof LuaString pid) {
            String p = pid.toString();
            if (p.isEmpty() && !strict) {
                target = null;
            } else if (Pids.looksLikePid(p) && Pids.isWellFormed(p)) {
                target = p;
            } else if (strict) {
                throw new Invalid("invalid target PID: \"" + p + "\"");
            }
        }
        if (t.getStr(LuaString.of("message_topic")) instanceof LuaString topicText) {
            topic = topicText.length() == 0 ? kind.defaultTopic() : topicText.toString();
        }
        if (t.getStr(LuaString.of("metadata")) instanceof LuaTable m) {
            metadata = m;
        }
        if (kind.zeroHeartbeatDisables()) {
            heartbeat = duration(t, "heartbeat_interval", heartbeat, DEFAULT_HEARTBEAT, strict);
        } else {
            Duration h = duration(t, "heartbeat_interval", heartbeat, DEFAULT_HEARTBEAT, false);
            heartbeat = h == null ? DEFAULT_HEARTBEAT : h;
        }
        idle = duration(t, "idle_timeout", idle, null, strict);
        hard = duration(t, "hard_timeout", hard, null, strict);
    }

    private static Duration duration(LuaTable t, String field, Duration current, Duration emptyMeans, boolean strict)
            throws Invalid {
        Object v = t.getStr(LuaString.of(field));
        if (!(v instanceof LuaString text)) {
            return current;
        }
        if (text.length() == 0) {
            return emptyMeans;
        }
        Duration d = ConfigDurations.parse(text.toString());
        if (d == null || d.isNegative()) {
            if (strict) {
                throw new Invalid("invalid " + field + " duration: \"" + text + "\"");
            }
            return current;
        }
        return d.isZero() ? null : d;
    }
}
