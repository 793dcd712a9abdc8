package dev.wippy.runtime.events;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.values.Frozen;

/**
 * The {@code events} module (spec 03 §3.11): {@code send} and {@code subscribe}, and the {@code Subscription}
 * methods {@code channel} and {@code close}. Arguments of the wrong type raise; empty names, data that cannot be
 * copied and calls outside an execution return {@code nil, err}.
 */
public final class EventsModule {
    static final LuaTable SUBSCRIPTION_META;

    static {
        LuaTable methods = new LuaTable();
        Methods.add(methods, "channel", Subscription.class, "Subscription", (s, sub, a) -> sub.channel());
        Methods.add(methods, "close", Subscription.class, "Subscription", (s, sub, a) -> {
            sub.close();
            return Boolean.TRUE;
        });
        SUBSCRIPTION_META = Methods.metatable("Subscription", methods).freeze();
    }

    private EventsModule() {
    }

    /** The module of the node whose bus is {@code bus}: one read-only table shared by every state. */
    public static ModuleProvider provider(EventBus bus) {
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("send"), new JavaFunction("events.send", (s, a) -> send(bus, s, a)));
        t.putStr(LuaString.of("subscribe"), new JavaFunction("events.subscribe", (s, a) -> subscribe(bus, s, a)));
        t.freeze();
        return s -> t;
    }

    private static Object send(EventBus bus, LuaState s, Object[] a) {
        String system = string(s, a, 0);
        String kind = string(s, a, 1);
        String path = string(s, a, 2);
        if (system.isEmpty() || kind.isEmpty() || path.isEmpty()) {
            return fail(ErrorObject.INVALID, "system, kind and path must not be empty");
        }
        if (Execution.of(s) == null) {
            return fail(ErrorObject.INTERNAL, "events.send needs an execution");
        }
        Object data;
        try {
            data = Frozen.freeze(Args.arg(a, 3));
        } catch (Frozen.NotTransferable e) {
            return fail(ErrorObject.INVALID, "event data: " + e.getMessage());
        }
        bus.publish(new BusEvent(system, kind, path, data));
        return Boolean.TRUE;
    }

    private static Object subscribe(EventBus bus, LuaState s, Object[] a) {
        String system = string(s, a, 0);
        String kind = Args.isNoneOrNil(a, 1) ? "" : string(s, a, 1);
        if (system.isEmpty()) {
            return fail(ErrorObject.INVALID, "system must not be empty");
        }
        Execution owner = Execution.of(s);
        if (owner == null) {
            return fail(ErrorObject.INTERNAL, "events.subscribe needs an execution");
        }
        EventPattern kinds = kind.isEmpty() ? EventPattern.ANY : new EventPattern(kind);
        return Subscription.open(bus, owner, new EventPattern(system), kinds);
    }

    /** Names must be strings: a number is a programming mistake here, not something to convert. */
    private static String string(LuaState s, Object[] a, int i) {
        if (Args.arg(a, i) instanceof LuaString str) {
            return str.toString();
        }
        throw Args.typeError(s, a, i, "string");
    }

    private static Object fail(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message));
    }
}
