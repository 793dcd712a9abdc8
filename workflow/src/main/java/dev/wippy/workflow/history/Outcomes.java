package dev.wippy.workflow.history;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Message;
import dev.wippy.runtime.values.FrozenTable;
import dev.wippy.runtime.values.Payload;
import dev.wippy.workflow.core.DurableCodec;

import java.util.ArrayList;
import java.util.List;

/** Outcomes, errors and message lists in history: the durable codec over small tables. */
public final class Outcomes {
    private static final LuaString VALUE = LuaString.of("value");
    private static final LuaString ERROR = LuaString.of("error");
    private static final LuaString TOPIC = LuaString.of("topic");
    private static final LuaString FROM = LuaString.of("from");
    private static final LuaString PAYLOAD = LuaString.of("payload");

    private Outcomes() {
    }

    /** @throws dev.wippy.runtime.values.Frozen.NotTransferable when the value cannot be stored */
    public static byte[] encode(ExitResult r) {
        List<Object> keys = new ArrayList<>(2);
        List<Object> values = new ArrayList<>(2);
        if (r.value() != null) {
            keys.add(VALUE);
            values.add(r.value());
        }
        if (r.error() != null) {
            keys.add(ERROR);
            values.add(r.error());
        }
        return DurableCodec.encode(new FrozenTable(keys.toArray(), values.toArray()));
    }

    public static ExitResult decode(byte[] bytes) {
        if (!(DurableCodec.decode(bytes) instanceof FrozenTable t)) {
            return new ExitResult(null, null);
        }
        return new ExitResult(t.get("value"), (ErrorObject) t.get("error"));
    }

    public static byte[] encodeError(ErrorObject e) {
        return e == null ? null : DurableCodec.encode(e);
    }

    public static ErrorObject decodeError(byte[] bytes) {
        return bytes == null ? null : (ErrorObject) DurableCodec.decode(bytes);
    }

    public static byte[] encodeMessages(List<Message> messages) {
        Object[] items = new Object[messages.size()];
        for (int i = 0; i < items.length; i++) {
            Message m = messages.get(i);
            List<Object> keys = new ArrayList<>(List.of(TOPIC, PAYLOAD));
            List<Object> values = new ArrayList<>(List.of(LuaString.of(m.topic()), m.payload().frozen()));
            if (m.from() != null) {
                keys.add(FROM);
                values.add(LuaString.of(m.from()));
            }
            items[i] = new FrozenTable(keys.toArray(), values.toArray());
        }
        return DurableCodec.encodeAll(items);
    }

    public static List<Message> decodeMessages(byte[] bytes) {
        List<Message> out = new ArrayList<>();
        if (bytes == null) {
            return out;
        }
        for (Object o : DurableCodec.decodeAll(bytes)) {
            FrozenTable t = (FrozenTable) o;
            Object from = t.get("from");
            out.add(new Message(t.get("topic").toString(), from == null ? null : from.toString(),
                    new Payload(t.get("payload"))));
        }
        return out;
    }
}
