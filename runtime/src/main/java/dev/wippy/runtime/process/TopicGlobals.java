package dev.wippy.runtime.process;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.errors.ErrorObject;

/**
 * The globals {@code subscribe(topic, ch)} and {@code unsubscribe(ch)} (spec 03 §3.14): {@code process.listen}
 * with a channel the caller made. Arguments of the wrong type raise; otherwise they return {@code true} or
 * {@code nil, err} (spec 03 §3.15).
 */
public final class TopicGlobals {
    public static final JavaFunction SUBSCRIBE = new JavaFunction("subscribe", (s, a) -> {
        if (!(Args.arg(a, 0) instanceof LuaString topic)) {
            throw Args.typeError(s, a, 0, "string");
        }
        Channel ch = channel(s, a, 1);
        String t = topic.toString();
        if (t.isEmpty() || t.startsWith("@")) {
            return ProcessModule.fail(ErrorObject.INVALID, "invalid topic");
        }
        return ProcessModule.self(s).route(t, ch) ? Boolean.TRUE
                : ProcessModule.fail(ErrorObject.ALREADY_EXISTS, "topic " + t + " is routed to another channel");
    });

    public static final JavaFunction UNSUBSCRIBE = new JavaFunction("unsubscribe", (s, a) ->
            ProcessModule.self(s).unlisten(channel(s, a, 0)) ? Boolean.TRUE
                    : ProcessModule.fail(ErrorObject.INVALID, "channel is not subscribed to a topic"));

    private TopicGlobals() {
    }

    private static Channel channel(LuaState s, Object[] a, int i) {
        if (Args.arg(a, i) instanceof Channel ch) {
            return ch;
        }
        throw Args.typeError(s, a, i, "Channel");
    }
}
