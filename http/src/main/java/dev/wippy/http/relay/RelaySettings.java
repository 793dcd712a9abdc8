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
 * The relay command a handler puts in a response header (spec 07 §5.3): the target, the topic forwarded to the
 * client, metadata and the timers. Mutable: {@code sse.control} messages change it while the relay runs.
 */
final class RelaySettings {
    static final String DEFAULT_TOPIC = "sse.message";
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    String target;
    String topic = DEFAULT_TOPIC;
    LuaTable metadata = new LuaTable();
    Duration heartbeat = DEFAULT_HEARTBEAT;
    Duration idle;
    Duration hard;

    /** A problem with the command, answered with 400 and this message. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static RelaySettings parse(String json) throws Invalid {
        Object decoded;
        try {
            decoded = JsonModule.decode(json.getBytes(StandardCharsets.UTF_8), JsonModule.jsonFormat());
        } catch (IOException e) {
            throw new Invalid("invalid relay configuration: " + e.getMessage());
        }
        if (!(decoded instanceof LuaTable t)) {
            throw new Invalid("invalid relay configuration: not a JSON object");
        }
        RelaySettings s = new RelaySettings();
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
            topic = topicText.length() == 0 ? DEFAULT_TOPIC : topicText.toString();
        }
        if (t.getStr(LuaString.of("metadata")) instanceof LuaTable m) {
            metadata = m;
        }
        heartbeat = duration(t, "heartbeat_interval", heartbeat, DEFAULT_HEARTBEAT, strict);
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
