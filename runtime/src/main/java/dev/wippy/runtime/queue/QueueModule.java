package dev.wippy.runtime.queue;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code queue} module (spec 04 §4): {@code publish}, {@code message} and {@code info}. Failures are returned
 * as {@code nil, err}; a publish to a full queue waits for room (the caller's execution blocks, its carrier does
 * not).
 */
public final class QueueModule {
    /** The context key under which a handler's invocation carries its {@link MessageValue}. */
    static final String MESSAGE_KEY = "queue.message";

    private QueueModule() {
    }

    /** The module for an app's queues. */
    public static ModuleProvider provider(Queues queues) {
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("publish"), new JavaFunction("queue.publish", (s, a) -> publish(s, a, queues)));
        t.putStr(LuaString.of("message"), new JavaFunction("queue.message", (s, a) -> {
            Execution e = Execution.of(s);
            Object m = e == null ? null : e.context().get(MESSAGE_KEY);
            return m instanceof MessageValue ? m : fail(ErrorObject.INVALID, "no message: queue.message() works "
                    + "only inside a consumer's handler");
        }));
        t.putStr(LuaString.of("info"), new JavaFunction("queue.info", (s, a) -> {
            String id = queueId(a);
            if (id == null) {
                return fail(ErrorObject.INVALID, "queue ID required");
            }
            Map<String, Object> info = queues.info(id);
            return info == null ? fail(ErrorObject.NOT_FOUND, "queue not found: " + id) : table(info);
        }));
        t.freeze();
        return s -> t;
    }

    private static Object publish(LuaState s, Object[] a, Queues queues) {
        String id = queueId(a);
        if (id == null) {
            return fail(ErrorObject.INVALID, "queue ID required");
        }
        Object data = Args.arg(a, 1);
        if (data == null) {
            return fail(ErrorObject.INVALID, "data required");
        }
        Map<String, String> headers;
        try {
            headers = headers(Args.arg(a, 2));
        } catch (IllegalArgumentException e) {
            return fail(ErrorObject.INVALID, e.getMessage());
        }
        QueueDefinition q = queues.queue(id);
        if (q == null) {
            return fail(ErrorObject.NOT_FOUND, "queue not found: " + id);
        }
        CompletableFuture<Void> published;
        try {
            published = q.publish(data, headers);
        } catch (IOException e) {
            return fail(ErrorObject.INVALID, "cannot encode the message as " + q.codec().name() + ": "
                    + e.getMessage());
        }
        try {
            if (!published.isDone()) {
                Scheduler.of(s).awaitFuture(published);
            }
            published.join();
            return Boolean.TRUE;
        } catch (Killed k) {
            // withdraws the message if it is still waiting for room
            published.cancel(false);
            throw k;
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return fail(ErrorObject.INTERNAL, cause.getMessage());
        }
    }

    private static String queueId(Object[] a) {
        return Args.arg(a, 0) instanceof LuaString id && id.length() > 0 ? id.toString() : null;
    }

    /**
     * The headers argument: string keys not starting with {@code x_}, values that are strings, numbers or
     * booleans (kept as their text).
     */
    private static Map<String, String> headers(Object arg) {
        if (arg == null) {
            return Map.of();
        }
        if (!(arg instanceof LuaTable t)) {
            throw new IllegalArgumentException("headers must be a table");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            if (!(t.slotKey(slot) instanceof LuaString key)) {
                throw new IllegalArgumentException("header keys must be strings");
            }
            if (key.toString().startsWith("x_")) {
                throw new IllegalArgumentException("header " + key + ": keys starting with x_ are reserved for the "
                        + "runtime");
            }
            Object v = t.slotValue(slot);
            if (!(v instanceof LuaString || v instanceof Long || v instanceof Double || v instanceof Boolean)) {
                throw new IllegalArgumentException("header " + key + ": values must be strings, numbers or "
                        + "booleans");
            }
            out.put(key.toString(), v instanceof Double d ? LuaNumbers.toString(d)
                    : v.toString());
        }
        return out;
    }

    /** A Lua table of {@link Queues#info} figures: strings, whole numbers and booleans. */
    private static LuaTable table(Map<String, Object> info) {
        LuaTable t = new LuaTable();
        info.forEach((k, v) -> t.putStr(LuaString.of(k), v instanceof String text ? LuaString.of(text) : v));
        return t;
    }

    private static Object fail(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message, Boolean.FALSE, null));
    }
}
