package dev.wippy.runtime.queue;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.runtime.values.Transferable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lua {@code Message} of {@code queue.message()} (spec 04 §4): the delivery a handler is working on. It travels
 * in the handler's context, so functions the handler calls see it too; it is a handle to one thread-safe
 * settlement, which is why it may cross executions as it is.
 */
final class MessageValue extends LuaUserdata implements Transferable {
    /** The runtime's header with the delivery count, 1 on the first delivery. */
    static final String DELIVERY_COUNT_HEADER = "x_delivery_count";

    static final LuaTable META = new LuaTable();

    static {
        LuaTable methods = new LuaTable();
        method(methods, "id", (s, a) -> LuaString.of(self(s, a).envelope().id()));
        method(methods, "header", (s, a) -> {
            String key = Args.checkString(s, a, 1).toString();
            String value = headers(self(s, a)).get(key);
            return value == null ? null : LuaString.of(value);
        });
        method(methods, "headers", (s, a) -> {
            LuaTable t = new LuaTable();
            headers(self(s, a)).forEach((k, v) -> t.putStr(LuaString.of(k), LuaString.of(v)));
            return t;
        });
        method(methods, "ack", (s, a) -> message(s, a).settlement.ack());
        method(methods, "nack", (s, a) -> message(s, a).settlement.nack("nacked by the handler"));
        META.putStr(MetaNames.INDEX, methods.freeze());
        META.putStr(MetaNames.NAME, LuaString.of("Message"));
    }

    private final Settlement settlement;

    MessageValue(Settlement settlement) {
        super(META);
        this.settlement = settlement;
    }

    private static void method(LuaTable methods, String name, JavaFunction.Body body) {
        methods.putStr(LuaString.of(name), new JavaFunction(name, body));
    }

    private static MessageValue message(LuaState s, Object[] a) {
        if (Args.arg(a, 0) instanceof MessageValue m) {
            return m;
        }
        throw Args.typeError(s, a, 0, "Message");
    }

    private static Delivery self(LuaState s, Object[] a) {
        return message(s, a).settlement.delivery();
    }

    /** The message's headers and the delivery count. */
    private static Map<String, String> headers(Delivery d) {
        Map<String, String> all = new LinkedHashMap<>(d.envelope().headers());
        all.put(DELIVERY_COUNT_HEADER, Integer.toString(d.attempt()));
        return all;
    }
}
