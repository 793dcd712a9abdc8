package dev.wippy.runtime.process;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.runtime.values.Payload;

/**
 * A message between executions (spec 02 §2.10): topic, sender PID (null when the runtime sent it) and a payload.
 * Immutable: the same object is handed to the receiver's Lua code as a message object.
 */
public final class Message extends LuaUserdata {
    static final LuaTable META = new LuaTable();

    static {
        LuaTable methods = new LuaTable();
        methods.putStr(LuaString.of("topic"), new JavaFunction("topic", (s, a) -> LuaString.of(check(s, a).topic)));
        methods.putStr(LuaString.of("from"), new JavaFunction("from",
                (s, a) -> check(s, a).from == null ? null : LuaString.of(check(s, a).from)));
        methods.putStr(LuaString.of("payload"), new JavaFunction("payload", (s, a) -> check(s, a).payload));
        META.putStr(MetaNames.INDEX, methods);
        META.putStr(MetaNames.NAME, LuaString.of("Message"));
    }

    private final String topic;
    private final String from;
    private final Payload payload;

    public Message(String topic, String from, Payload payload) {
        super(META);
        this.topic = topic;
        this.from = from;
        this.payload = payload;
    }

    private static Message check(dev.wippy.lua.vm.LuaState s, Object[] a) {
        if (Args.arg(a, 0) instanceof Message m) {
            return m;
        }
        throw Args.typeError(s, a, 0, "Message");
    }

    public String topic() {
        return topic;
    }

    public String from() {
        return from;
    }

    public Payload payload() {
        return payload;
    }
}
