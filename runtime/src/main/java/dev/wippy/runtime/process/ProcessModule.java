package dev.wippy.runtime.process;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.Payload;

import java.util.Arrays;

/**
 * The {@code process} global (spec 02 §2). Failures are returned as {@code nil, err} with an error object; only
 * misuse of spawn builders raises. The table is shared by all states; functions find their execution through the
 * calling state.
 */
public final class ProcessModule {
    /** The shared, read-only {@code process} table. */
    public static final LuaTable TABLE = new LuaTable();

    static {
        fn("pid", (s, a) -> LuaString.of(self(s).pid()));
        fn("id", (s, a) -> LuaString.of(self(s).entryId()));
        fn("send", ProcessModule::send);
        fn("spawn", (s, a) -> spawn(s, a, SpawnOptions.NONE));
        fn("spawn_monitored", (s, a) -> spawn(s, a, SpawnOptions.NONE.withRelations(true, false)));
        fn("spawn_linked", (s, a) -> spawn(s, a, SpawnOptions.NONE.withRelations(false, true)));
        fn("spawn_linked_monitored", (s, a) -> spawn(s, a, SpawnOptions.NONE.withRelations(true, true)));
        fn("exec", (s, a) -> exec(s, a, SpawnOptions.NONE));
        fn("terminate", (s, a) -> onDestination(s, a, (e, dest) -> e.actions().terminate(e, dest)));
        fn("cancel", (s, a) -> {
            String reason = Args.arg(a, 1) == null ? null : Args.checkString(s, a, 1).toString();
            return onDestination(s, a, (e, dest) -> e.actions().cancel(e, dest, reason));
        });
        fn("monitor", (s, a) -> onDestination(s, a, (e, dest) -> e.actions().monitor(e, dest)));
        fn("unmonitor", (s, a) -> onDestination(s, a, (e, dest) -> e.actions().unmonitor(e, dest)));
        fn("link", (s, a) -> onDestination(s, a, (e, dest) -> e.actions().link(e, dest)));
        fn("unlink", (s, a) -> onDestination(s, a, (e, dest) -> e.actions().unlink(e, dest)));
        fn("get_options", (s, a) -> {
            LuaTable t = new LuaTable(0, 2);
            t.putStr(LuaString.of("trap_links"), self(s).trapLinks());
            t.putStr(LuaString.of("upgradable"), Boolean.FALSE);
            return t;
        });
        fn("set_options", ProcessModule::setOptions);
        fn("inbox", (s, a) -> self(s).inbox());
        fn("events", (s, a) -> self(s).events());
        fn("listen", ProcessModule::listen);
        fn("unlisten", (s, a) -> {
            if (Args.arg(a, 0) instanceof Channel ch && self(s).unlisten(ch)) {
                return Boolean.TRUE;
            }
            return fail(ErrorObject.INVALID, "not a listener channel of this process");
        });
        fn("with_context", (s, a) -> SpawnBuilder.BASE.withContext(s, a, 0));
        fn("with_options", (s, a) -> SpawnBuilder.BASE.withOptions(s, a, 0));

        LuaTable event = new LuaTable();
        for (String k : new String[] {Event.EXIT, Event.LINK_DOWN, Event.CANCEL, Event.OUTDATED}) {
            event.putStr(LuaString.of(k), LuaString.of(k));
        }
        TABLE.putStr(LuaString.of("event"), event.freeze());
        TABLE.putStr(LuaString.of("registry"), NameRegistryModule.TABLE);
        TABLE.freeze();
    }

    private ProcessModule() {}

    private static void fn(String name, JavaFunction.Body body) {
        TABLE.putStr(LuaString.of(name), new JavaFunction("process." + name, body));
    }

    /** The calling execution; raises when the state does not belong to one. */
    static Execution self(LuaState s) {
        Execution e = Execution.of(s);
        if (e == null) {
            throw LuaError.library("no process context");
        }
        return e;
    }

    static Object fail(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message));
    }

    static Object fail(SpawnException e) {
        return fail(e.kind(), e.getMessage());
    }

    /** A string argument, or null when absent or of another type (reported as INVALID by the caller). */
    static String string(Object[] a, int i) {
        return Args.arg(a, i) instanceof LuaString str ? str.toString() : null;
    }

    /** The payload of a message: the first value, frozen; a Payload object travels as its content. */
    static Payload payload(Object[] a, int from) {
        return new Payload(a.length > from ? Frozen.freeze(a[from]) : null);
    }

    private static Object send(LuaState s, Object[] a) {
        String dest = string(a, 0);
        String topic = string(a, 1);
        if (dest == null) {
            return fail(ErrorObject.INVALID, "destination must be a pid or name string");
        }
        if (topic == null || topic.isEmpty() || topic.startsWith("@")) {
            return fail(ErrorObject.INVALID, "invalid topic");
        }
        Execution self = self(s);
        try {
            self.actions().send(self, dest, topic, payload(a, 2));
            return Boolean.TRUE;
        } catch (Frozen.NotTransferable e) {
            return fail(ErrorObject.INVALID, e.getMessage());
        } catch (SpawnException e) {
            return fail(e);
        }
    }

    static Object spawn(LuaState s, Object[] a, SpawnOptions options) {
        String id = string(a, 0);
        String host = string(a, 1);
        if (id == null || host == null) {
            return fail(ErrorObject.INVALID, "spawn needs an entry id and a host id");
        }
        Execution self = self(s);
        try {
            Object[] args = Frozen.freezeAll(Arrays.copyOfRange(a, 2, Math.max(2, a.length)));
            return LuaString.of(self.actions().spawn(self, id, host, args, options));
        } catch (Frozen.NotTransferable e) {
            return fail(ErrorObject.INVALID, e.getMessage());
        } catch (SpawnException e) {
            return fail(e);
        }
    }

    /** Starts the child and waits for its result. */
    static Object exec(LuaState s, Object[] a, SpawnOptions options) {
        String id = string(a, 0);
        String host = string(a, 1);
        if (id == null || host == null) {
            return fail(ErrorObject.INVALID, "exec needs an entry id and a host id");
        }
        Execution self = self(s);
        ExitResult r;
        try {
            Object[] args = Frozen.freezeAll(Arrays.copyOfRange(a, 2, Math.max(2, a.length)));
            r = self.actions().exec(self, id, host, args, options);
        } catch (Frozen.NotTransferable e) {
            return fail(ErrorObject.INVALID, e.getMessage());
        } catch (SpawnException e) {
            return fail(e);
        }
        return r.isAbnormal() ? Multi.of(null, r.error()) : Frozen.thaw(r.value());
    }

    private interface DestinationAction {
        void apply(Execution self, String destination);
    }

    private static Object onDestination(LuaState s, Object[] a, DestinationAction action) {
        String dest = string(a, 0);
        if (dest == null) {
            return fail(ErrorObject.INVALID, "destination must be a pid or name string");
        }
        try {
            action.apply(self(s), dest);
            return Boolean.TRUE;
        } catch (SpawnException e) {
            return fail(e);
        }
    }

    private static Object setOptions(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof LuaTable t)) {
            return fail(ErrorObject.INVALID, "options must be a table");
        }
        Object trap = t.getStr(LuaString.of("trap_links"));
        Object upgradable = t.getStr(LuaString.of("upgradable"));
        if ((trap != null && !(trap instanceof Boolean)) || (upgradable != null && !(upgradable instanceof Boolean))) {
            return fail(ErrorObject.INVALID, "option values must be booleans");
        }
        if (trap != null) {
            self(s).setTrapLinks((Boolean) trap);
        }
        return Boolean.TRUE;
    }

    private static Object listen(LuaState s, Object[] a) {
        String topic = string(a, 0);
        if (topic == null || topic.isEmpty() || topic.startsWith("@")) {
            return fail(ErrorObject.INVALID, "invalid topic");
        }
        boolean messages = Args.arg(a, 1) instanceof LuaTable opts
                && opts.getStr(LuaString.of("message")) == Boolean.TRUE;
        return self(s).listen(topic, messages);
    }
}
